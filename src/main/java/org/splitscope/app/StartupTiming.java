package org.splitscope.app;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import org.splitscope.app.main.MainViewModel;
import org.splitscope.runtime.StartupClock;

/**
 * {@code -Dsplitscope.startupTiming=true}: prints how long after the process started the window was
 * shown and the first figure was painted, then quits — for {@code packaging/startup-timing.sh}, which
 * measures start-up the way a user meets it (process start to figure on screen). The finer marks on
 * the way (engine, model, capture) come from {@link StartupClock}.
 */
final class StartupTiming {
    private StartupTiming() {}

    static boolean wanted() {
        return StartupClock.on();
    }

    /** Call before the model starts loading and before {@code stage} is shown. */
    static void install(MainViewModel vm, javafx.stage.Stage stage) {
        long[] shown = {-1};
        stage.showingProperty().addListener((obs, was, now) -> {
            if (now && shown[0] < 0) {
                shown[0] = StartupClock.sinceStartMillis();
            }
        });
        vm.session().modelProperty().addListener((obs, old, now) -> StartupClock.mark("model in the window"));
        javafx.beans.value.ChangeListener<MainViewModel.State> listener = new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends MainViewModel.State> obs,
                    MainViewModel.State old, MainViewModel.State now) {
                if (now != MainViewModel.State.READY) {
                    return;
                }
                vm.stateProperty().removeListener(this);
                StartupClock.mark("capture in the window");
                // the figure is in the scene now; the pulse after the next one has painted it
                new AnimationTimer() {
                    private int pulses;

                    @Override
                    public void handle(long nanos) {
                        if (++pulses < 2) {
                            return;
                        }
                        stop();
                        StartupClock.mark("figure painted");
                        System.out.printf("splitscope: window shown after %d ms, first figure after %d ms%n", shown[0],
                                StartupClock.sinceStartMillis());
                        Platform.exit();
                    }
                }.start();
            }
        };
        vm.stateProperty().addListener(listener);
    }
}
