package org.splitscope.logs;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.LayoutBase;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.splitscope.io.Printable;

/**
 * One log line: {@code warning: MESSAGE [logger]} on the terminal, with the time and thread in the
 * file. Messages may quote file contents and names, so control characters are made visible, as in
 * every other line the program prints; stack traces only with --debug (always in the file).
 */
final class LogLine extends LayoutBase<ILoggingEvent> {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS", Locale.ROOT).withZone(ZoneId.systemDefault());
    private final boolean timed;
    private final boolean traces;

    LogLine(boolean timed, boolean traces) {
        this.timed = timed;
        this.traces = traces;
    }

    @Override
    public String doLayout(ILoggingEvent event) {
        StringBuilder line = new StringBuilder(128);
        if (timed) {
            line.append(TIME.format(Instant.ofEpochMilli(event.getTimeStamp()))).append(' ')
                    .append(Printable.clean(event.getThreadName())).append(' ');
        }
        line.append(word(event.getLevel())).append(": ").append(Printable.clean(event.getFormattedMessage()))
                .append(" [").append(shortName(event.getLoggerName())).append(']');
        if (event.getThrowableProxy() != null) {
            if (traces) {
                line.append(System.lineSeparator()).append(ThrowableProxyUtil.asString(event.getThrowableProxy()));
            } else {
                line.append(" (").append(event.getThrowableProxy().getClassName().replaceAll(".*\\.", ""))
                        .append(": ").append(Printable.clean(event.getThrowableProxy().getMessage())).append(')');
            }
        }
        return line.append(System.lineSeparator()).toString();
    }

    private static String word(Level level) {
        return switch (level.toInt()) {
            case Level.ERROR_INT -> "error";
            case Level.WARN_INT -> "warning";
            default -> level.toString().toLowerCase(Locale.ROOT);
        };
    }

    /** {@code ai.djl.pytorch.engine.PtEngine} → {@code PtEngine}: enough to tell the library. */
    private static String shortName(String logger) {
        int dot = logger.lastIndexOf('.');
        return dot < 0 ? logger : logger.substring(dot + 1);
    }
}
