package org.splitscope.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.splitscope.SplitScopeException;

/**
 * One writer per output folder: two captures into the same {@code --out} at once would leave a
 * {@code capture.npz} of one run beside the {@code capture.json} of the other. The lock (an OS file
 * lock on a hidden file, released by the OS if the process dies) makes the second one fail at once.
 */
public final class FolderLock implements AutoCloseable {
    private static final String NAME = ".splitscope.lock";
    private final FileChannel channel;
    private final FileLock lock;

    private FolderLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    public static FolderLock acquire(Path dir) throws SplitScopeException {
        return acquire(dir, "capture");
    }

    /** @param command the command taking the lock (analyze, knockout …), named in the message */
    public static FolderLock acquire(Path dir, String command) throws SplitScopeException {
        FileChannel channel = null;
        try {
            channel = FileChannel.open(dir.resolve(NAME), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return new FolderLock(channel, lock);
            }
        } catch (OverlappingFileLockException e) {
            // held by this very process
        } catch (IOException e) {
            close(channel);
            throw new SplitScopeException(dir + ": cannot lock the folder for writing (" + e.getMessage() + ")");
        }
        close(channel);
        throw new SplitScopeException(dir + ": another " + command + " is writing into this folder; wait for it or choose "
                + "another --out");
    }

    /**
     * Whether a writer holds {@code dir}'s lock now (a reader's check: a shared lock on a read-only
     * channel, so a folder the reader may not write to can still be checked).
     */
    public static boolean isHeld(Path dir) {
        Path file = dir.resolve(NAME);
        if (!java.nio.file.Files.isRegularFile(file)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            FileLock lock = channel.tryLock(0, Long.MAX_VALUE, true);
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            return false; // cannot tell (no locking there): the reader goes on as before
        }
    }

    private static void close(FileChannel channel) {
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            // nothing held
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            // released with the channel below anyway
        }
        close(channel);
    }
}
