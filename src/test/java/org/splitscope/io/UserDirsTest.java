package org.splitscope.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitscope.cli.ChildCli;
import org.splitscope.cli.CliRunner;

/**
 * The fallback in the shared temporary folder ({@code /tmp/splitscope-USER}, DJL's {@code djl.ai-USER})
 * for a user whose home cannot be written: made private, and refused where another user got there
 * first — DJL loads libtorch from it.
 */
class UserDirsTest {
    @TempDir
    Path temp;

    private Path tmp;
    private String savedHome;
    private String savedTmp;

    @BeforeEach
    void unusableHome() throws Exception {
        assumeTrue(System.getenv("XDG_CACHE_HOME") == null, "XDG_CACHE_HOME is set: it comes before the temporary folder");
        assumeTrue(!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("win"), "POSIX modes");
        savedHome = System.getProperty("user.home");
        savedTmp = System.getProperty("java.io.tmpdir");
        Path notAFolder = Files.writeString(temp.resolve("home-is-a-file"), "x");
        System.setProperty("user.home", notAFolder.resolve("home").toString()); // cannot be created
        tmp = Files.createDirectories(temp.resolve("tmp"));
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxrwxrwx")); // as /tmp (sticky aside)
        System.setProperty("java.io.tmpdir", tmp.toString());
    }

    @AfterEach
    void restore() {
        if (savedHome != null) {
            System.setProperty("user.home", savedHome);
            System.setProperty("java.io.tmpdir", savedTmp);
        }
    }

    private Path fallback() {
        return tmp.resolve("djl.ai-" + System.getProperty("user.name", "user"));
    }

    @Test
    void theFallbackIsCreatedPrivateAndUsedAgain() throws Exception {
        Path dir = UserDirs.writable(".djl.ai");
        assertEquals(fallback(), dir);
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
        assertEquals(dir, UserDirs.writable(".djl.ai"), "this user's own private folder is used again");
    }

    @Test
    void aFolderOthersCanWriteToIsRefused() throws Exception {
        Files.createDirectory(fallback());
        Files.setPosixFilePermissions(fallback(), PosixFilePermissions.fromString("rwxrwxrwx"));
        UserDirs.UnsafeFolderException e = assertThrows(UserDirs.UnsafeFolderException.class, () -> UserDirs.writable(".djl.ai"));
        assertOneLine(e.getMessage());
        assertTrue(e.getMessage().contains("writable by other users"), e.getMessage());
        Files.setPosixFilePermissions(fallback(), PosixFilePermissions.fromString("rwxrwx---")); // the group too
        assertThrows(UserDirs.UnsafeFolderException.class, () -> UserDirs.writable(".djl.ai"));
    }

    @Test
    void aFolderAnotherUserOwnsIsRefused() throws Exception {
        Files.createDirectory(fallback(), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        UserPrincipal other;
        try {
            other = fallback().getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
            Files.setOwner(fallback(), other);
        } catch (java.io.IOException e) {
            assumeTrue(false, "cannot give a folder to another user here (needs root): " + e.getMessage());
            return;
        }
        UserDirs.UnsafeFolderException e = assertThrows(UserDirs.UnsafeFolderException.class, () -> UserDirs.writable(".djl.ai"));
        assertOneLine(e.getMessage());
        assertTrue(e.getMessage().contains("belongs to nobody"), e.getMessage());
    }

    @Test
    void aLinkPlantedThereIsRefused() throws Exception {
        Path elsewhere = Files.createDirectories(temp.resolve("attacker"));
        Files.createSymbolicLink(fallback(), elsewhere);
        UserDirs.UnsafeFolderException e = assertThrows(UserDirs.UnsafeFolderException.class, () -> UserDirs.writable(".djl.ai"));
        assertOneLine(e.getMessage());
    }

    /** The program itself: one line on stderr, exit 2, before DJL loads anything. */
    @Test
    void theProgramRefusesWithOneLine() throws Exception {
        Files.createDirectory(fallback());
        Files.setPosixFilePermissions(fallback(), PosixFilePermissions.fromString("rwxrwxrwx"));
        CliRunner.Run run = ChildCli.of("info", "--presets")
                .jvm("-Duser.home=" + System.getProperty("user.home"), "-Djava.io.tmpdir=" + tmp)
                .unset("DJL_CACHE_DIR").run();
        String err = run.err();
        assertEquals(2, run.status(), err);
        assertEquals("", run.out());
        assertTrue(err.startsWith("error: " + fallback() + " is writable by other users"), err);
        assertEquals(1, err.lines().count(), err);
        assertFalse(Files.exists(fallback().resolve("pytorch")), "nothing unpacked there");
    }

    private static void assertOneLine(String message) {
        assertTrue(message != null && !message.isBlank() && message.chars().noneMatch(c -> c < 0x20), message);
    }
}
