package org.splitscope.logs;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * Logback's configuration until {@link Logs} chooses one (found by Logback through
 * {@code META-INF/services}): warnings to stderr, instead of Logback's default of everything to
 * stdout, which would mix DEBUG lines into the command line's output.
 */
public final class QuietDefaults extends ContextAwareBase implements Configurator {
    @Override
    public ExecutionStatus configure(LoggerContext context) {
        Logs.defaults(context);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
