package org.splitscope.checkpoint;

import java.nio.file.Path;
import org.splitscope.SplitScopeException;

/** A checkpoint that cannot be read or does not fit the network; the message names the file. */
public class CheckpointException extends SplitScopeException {
    public CheckpointException(Path file, String problem) {
        super(file.getFileName() + ": " + problem);
    }

    public CheckpointException(Path file, String problem, Throwable cause) {
        super(file.getFileName() + ": " + problem, cause);
    }
}
