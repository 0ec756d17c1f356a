package org.splitscope.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/** Writes a file completely or not at all: into a temporary file beside it, then one rename. */
public final class AtomicFiles {
    /** Temporary files being written now: an interrupted program deletes them on its way out. */
    private static final java.util.Set<Path> IN_FLIGHT = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private AtomicFiles() {}

    /** Deletes the temporary files of writes still in progress (called when the program is interrupted). */
    public static void abandonWrites() {
        for (Path temp : IN_FLIGHT) {
            try {
                deleteTree(temp);
            } catch (IOException e) {
                // the next run into that folder removes it
            }
        }
    }

    /**
     * A hidden folder {@code .NAME.<uuid>.part} in {@code dir} for work files of a write still in
     * progress (a capture streamed to disk batch by batch): removed by {@link #deleteScratch}, or on
     * interruption, or by the next run that owns the folder.
     */
    public static Path scratch(Path dir, String name) throws IOException {
        Path folder = dir.resolve("." + name + "." + UUID.randomUUID() + ".part");
        Files.createDirectories(folder);
        IN_FLIGHT.add(folder);
        return folder;
    }

    public static void deleteScratch(Path folder) throws IOException {
        deleteTree(folder);
        IN_FLIGHT.remove(folder);
    }

    /** A file, or a folder with everything in it. */
    public static void deleteTree(Path path) throws IOException {
        if (Files.isDirectory(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            try (var entries = Files.list(path)) {
                for (Path p : (Iterable<Path>) entries::iterator) {
                    deleteTree(p);
                }
            }
        }
        Files.deleteIfExists(path);
    }

    @FunctionalInterface
    public interface Writer {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Makes sure {@code dir} exists and takes files, before hours of work go into them: creates it
     * and writes and deletes a probe file. The message gives the system's reason (permission
     * denied, read-only file system, no space left on device) with the path.
     */
    public static void requireWritableFolder(Path dir) throws org.splitscope.SplitScopeException {
        try {
            Files.createDirectories(dir);
            Path probe = dir.resolve(".splitscope-probe-" + UUID.randomUUID());
            Files.write(probe, new byte[4096], StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            Files.delete(probe);
        } catch (java.nio.file.FileSystemException e) {
            String reason = e.getReason() != null ? e.getReason()
                    : e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                    : e instanceof java.nio.file.FileAlreadyExistsException ? "a file of that name is in the way"
                    : e instanceof java.nio.file.NoSuchFileException ? "the folder cannot be created there"
                    : "file system error";
            throw new org.splitscope.SplitScopeException(dir + ": cannot write there (" + reason.toLowerCase(java.util.Locale.ROOT) + ")");
        } catch (IOException e) {
            throw new org.splitscope.SplitScopeException(dir + ": cannot write there (" + e.getMessage() + ")");
        }
    }

    public static void write(Path target, Writer writer) throws IOException {
        writeAll(java.util.List.of(java.util.Map.entry(target, writer)));
    }

    /**
     * Writes several files as one: every temporary file is written first, and only when all are
     * complete are they renamed into place, in order. A failure (a full disk, say) leaves all the
     * old files as they were — never a new {@code capture.npz} beside an old {@code capture.json}.
     */
    public static void writeAll(java.util.List<java.util.Map.Entry<Path, Writer>> files) throws IOException {
        java.util.List<Path> temps = new java.util.ArrayList<>();
        try {
            for (var file : files) {
                temps.add(prepare(file.getKey(), file.getValue()));
            }
            for (int i = 0; i < files.size(); i++) {
                commit(temps.get(i), files.get(i).getKey());
            }
        } finally {
            for (Path temp : temps) {
                Files.deleteIfExists(temp);
                IN_FLIGHT.remove(temp);
            }
        }
    }

    private static Path prepare(Path target, Writer writer) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        // Not createTempFile: its 0600 permissions would stick to the result; this honours the umask.
        Path temp = dir.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".part");
        IN_FLIGHT.add(temp);
        try (OutputStream out = new java.io.BufferedOutputStream(
                Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), 1 << 16)) {
            writer.writeTo(out);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            IN_FLIGHT.remove(temp);
            throw e;
        }
        return temp;
    }

    private static void commit(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
