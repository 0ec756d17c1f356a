package org.splitscope.app.session;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.splitscope.SplitScopeException;

/**
 * An error as the user sees it: a one-line message and the details behind an expander.
 *
 * @param title what was being done, e.g. "Opening the checkpoint"
 */
public record Problem(String title, String message, String details) {

    public static Problem of(String title, Throwable error) {
        String message = error instanceof SplitScopeException ? error.getMessage()
                : error.getClass().getSimpleName() + (error.getMessage() == null ? "" : ": " + error.getMessage());
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        return new Problem(title, message == null ? "unknown error"
                : org.splitscope.io.Printable.clean(message.lines().findFirst().orElse("")),
                trace.toString());
    }
}
