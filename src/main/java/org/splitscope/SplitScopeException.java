package org.splitscope;

/**
 * A problem the user can act on: a bad file, a wrong option, a missing package. The message is one
 * line, names the file or option at fault, and is shown as-is (CLI: "error: ...", GUI: a dialog).
 */
public class SplitScopeException extends Exception {
    public SplitScopeException(String message) {
        super(message);
    }

    public SplitScopeException(String message, Throwable cause) {
        super(message, cause);
    }
}
