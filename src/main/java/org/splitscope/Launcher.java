package org.splitscope;

import javafx.application.Application;
import org.splitscope.app.SplitScopeApp;
import org.splitscope.cli.SplitScopeCli;
import org.splitscope.engine.Engines;

/**
 * Entry point of the jar: no arguments open the explorer window, any arguments run the CLI. A plain
 * class (not a JavaFX Application) so that JavaFX on the class path works with {@code java -jar}.
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) {
        Engines.configure(0); // telemetry off, offline: before anything can touch DJL
        if (args.length == 0) {
            Application.launch(SplitScopeApp.class);
            System.exit(0); // DJL's native threads must not keep the JVM alive after the window closes
        } else {
            System.exit(SplitScopeCli.run(args));
        }
    }
}
