package org.splitscope.input;

import java.nio.file.Path;
import org.splitscope.SplitScopeException;

/** An image or tensor file that cannot be used as network input; the message names the file. */
public class ImageInputException extends SplitScopeException {
    public ImageInputException(Path file, String problem) {
        super(name(file) + ": " + problem);
    }

    public ImageInputException(Path file, String problem, Throwable cause) {
        super(name(file) + ": " + problem, cause);
    }

    private static String name(Path file) {
        Path name = file.getFileName();
        return name != null ? name.toString() : file.toString();
    }
}
