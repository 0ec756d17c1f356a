package org.splitscope.app;

import java.lang.management.ManagementFactory;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import org.splitscope.app.main.MainViewModel;

/**
 * {@code -Dsplitscope.startupTiming=true}: prints how long after the JVM started the window was shown
 * and the first figure was painted, then quits — for {@code packaging/startup-timing.sh}, which
 * measures start-up the way a user meets it (process start to figure on screen).
 */
final class StartupTiming {
    private StartupTiming() {}

    static boolean wanted() {
        return Boolean.getBoolean("splitscope.startupTiming");
    }

    /** Call right after the stage is shown. */
    static void install(MainViewModel vm) {
        long start = ManagementFactory.getRuntimeMXBean().getStartTime();
        long shown = System.currentTimeMillis() - start;
        javafx.beans.value.ChangeListener<MainViewModel.State> listener = new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends MainViewModel.State> obs,
                    MainViewModel.State old, MainViewModel.State now) {
                if (now != MainViewModel.State.READY) {
                    return;
                }
                vm.stateProperty().removeListener(this);
                // the figure is in the scene now; the pulse after the next one has painted it
                new AnimationTimer() {
                    private int pulses;

                    @Override
                    public void handle(long nanos) {
                        if (++pulses < 2) {
                            return;
                        }
                        stop();
                        System.out.printf("splitscope: window shown after %d ms, first figure after %d ms%n", shown,
                                System.currentTimeMillis() - start);
                        Platform.exit();
                    }
                }.start();
            }
        };
        vm.stateProperty().addListener(listener);
    }
}
