package org.splitscope;

import org.splitscope.cli.SplitScopeCli;
import org.splitscope.engine.Engines;

/**
 * Entry point of the jar. A plain class (not a JavaFX Application) so that JavaFX on the class path
 * works with {@code java -jar}.
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) {
        Engines.configure(0); // telemetry off, offline: before anything can touch DJL
        System.exit(SplitScopeCli.run(args));
    }
}
