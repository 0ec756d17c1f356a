package org.splitscope.hub;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.splitscope.SplitScopeException;
import org.splitscope.io.Printable;

/**
 * Reads of the small files the hub client keeps on disk (refs, token, config.json) that stop after a
 * bound, so a 3 GB file (sparse, or written by someone else) costs a few bytes, not the heap, and a
 * FIFO in its place does not block.
 */
final class SmallFiles {
    private SmallFiles() {}

    /** The whole file if it holds at most {@code max} bytes, else null. */
    static byte[] readAtMost(Path file, int max) throws IOException, SplitScopeException {
        if (!Files.isRegularFile(file)) {
            throw new SplitScopeException(Printable.clean(file.toString()) + ": not a regular file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(max + 1);
            return bytes.length > max ? null : bytes;
        }
    }

    /** The whole file, or a one-line refusal naming it and the limit. */
    static byte[] read(Path file, int max, String what) throws IOException, SplitScopeException {
        byte[] bytes = readAtMost(file, max);
        if (bytes == null) {
            throw new SplitScopeException(what + " " + Printable.clean(file.toString()) + ": larger than "
                    + (max >= 1024 ? max / 1024 + " KiB" : max + " bytes") + "; not what it should be");
        }
        return bytes;
    }
}
