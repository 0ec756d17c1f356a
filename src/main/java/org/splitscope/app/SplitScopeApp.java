package org.splitscope.app;

import org.splitscope.app.base.Settings;
import org.splitscope.app.base.StartOptions;
import org.splitscope.app.base.SerialTaskExecutor;
import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.splitscope.app.export.PngExport;
import org.splitscope.app.main.MainView;
import org.splitscope.app.main.MainViewModel;

/** The explorer window. Started by {@link org.splitscope.Launcher} with no arguments. */
public final class SplitScopeApp extends Application {
    private MainViewModel vm;
    private SerialTaskExecutor executor;

    /** The signal that ended the window (TERM on logout, HUP when the terminal goes), or 0. */
    private static final java.util.concurrent.atomic.AtomicInteger ENDED_BY = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * SIGTERM and SIGHUP close the window as the user would, instead of the JVM's default (exit at
     * once): the JVM's exit runs libc's exit handlers — GTK's and libtorch's static destructors —
     * while the FX thread is still inside GTK's loop and a model job may be inside libtorch, which
     * crashed with SIGSEGV on the JavaFX thread (an hs_err file in the user's folder). Here the stage
     * closes on the FX thread (settings saved), {@link #stop()} ends the model thread and closes the
     * engine, and only then does the launcher exit, with 128 + the signal's number.
     */
    private static void endOnSignals(Stage stage) {
        for (String name : new String[] {"TERM", "HUP"}) {
            try {
                sun.misc.Signal signal = new sun.misc.Signal(name);
                sun.misc.Signal.handle(signal, s -> {
                    ENDED_BY.compareAndSet(0, s.getNumber());
                    Platform.runLater(() -> {
                        stage.hide(); // as closing the window: onHiding saves its size
                        Platform.exit();
                    });
                });
            } catch (IllegalArgumentException e) {
                // no such signal here (HUP on Windows), or the JVM keeps it (-Xrs): the default stays
            }
        }
    }

    /** The exit status for the launcher: 0 after a normal close, 128 + the signal's number after one. */
    public static int exitStatus() {
        int signal = ENDED_BY.get();
        return signal == 0 ? 0 : 128 + signal;
    }

    @Override
    public void start(Stage stage) {
        org.splitscope.runtime.StartupClock.mark("fx toolkit started");
        endOnSignals(stage);
        StartOptions options = StartOptions.fromSystemProperties();
        Settings settings = Settings.user();
        executor = SerialTaskExecutor.background();
        vm = new MainViewModel(executor, settings);
        if (StartupTiming.wanted()) {
            StartupTiming.install(vm, stage);
        }
        MainView view = build(stage, vm, settings);
        org.splitscope.runtime.StartupClock.mark("window built");
        stage.show();
        org.splitscope.runtime.StartupClock.mark("stage shown");
        // The model, the samples and the first capture start once the window shows. Starting them
        // before the window is built (to overlap the two) was measured on 2 cores: the window came
        // about 1 s later and the first figure no sooner, the two sharing the cores (README, Start-up).
        vm.start(options);
        // a first start picks the oneDNN level for the next; queued on the model thread, behind the model's
        // opening, which decides the level for this process (JNA, /proc/cpuinfo) off the window's thread
        executor.submit(null, progress -> {
            org.splitscope.runtime.Engines.checkKernelsIfDue();
            return null;
        }, x -> {}, e -> {});
        if (options.screenshot() != null) {
            screenshotWhenReady(stage, vm, options.screenshot());
        }
    }

    /** The window around the view models; also used by the GUI tests. */
    public static MainView build(Stage stage, MainViewModel vm, Settings settings) {
        MainView view = new MainView(vm);
        var screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Settings.Window window = settings.window(new Settings.Window(Math.min(1560, Math.max(800, screen.getWidth() * 0.94)),
                Math.min(980, Math.max(560, screen.getHeight() * 0.94)), false))
                .within(screen.getWidth(), screen.getHeight());
        Scene scene = new Scene(view, window.width(), window.height());
        var session = vm.session();
        Runnable theme = () -> theme(session.darkProperty().get() && !session.presenterProperty().get());
        theme.run();
        session.darkProperty().addListener((obs, old, now) -> theme.run());
        session.presenterProperty().addListener((obs, old, now) -> {
            theme.run(); // presenting is light, high contrast
            stage.setFullScreen(now);
        });
        stage.fullScreenProperty().addListener((obs, was, now) -> {
            if (!now) {
                session.presenterProperty().set(false); // Esc leaves full screen, and so presenting
            }
        });
        stage.setScene(scene);
        stage.setTitle("SplitScope");
        for (int size : new int[] {16, 32, 48, 64, 128, 256}) {
            var icon = SplitScopeApp.class.getResourceAsStream("icons/splitscope-" + size + ".png");
            if (icon != null) { // packaging/icon, copied in by the build
                stage.getIcons().add(new javafx.scene.image.Image(icon));
            }
        }
        stage.setMaximized(window.maximized());
        // Wherever the window system puts it, the title bar and toolbar stay on the visible screen.
        stage.setOnShown(e -> {
            if (!stage.isMaximized() && !stage.isFullScreen()) {
                stage.setX(Math.max(screen.getMinX(), Math.min(stage.getX(), screen.getMaxX() - stage.getWidth())));
                stage.setY(Math.max(screen.getMinY(), Math.min(stage.getY(), screen.getMaxY() - stage.getHeight())));
            }
        });
        vm.session().modelProperty().addListener((obs, old, now) ->
                stage.setTitle(now == null ? "SplitScope" : now.name() + " — SplitScope"));
        stage.setOnHiding(e -> settings.setWindow(new Settings.Window(stage.isMaximized() ? window.width() : stage.getWidth(),
                stage.isMaximized() ? window.height() : stage.getHeight(), stage.isMaximized())));
        return view;
    }

    private static void theme(boolean dark) {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    /**
     * For tests and README screenshots: once the first capture is drawn and no job is left (late split
     * maps of big models included), write the window as PNG, then quit a few seconds later (time for
     * an X screenshot of the real window).
     */
    private static void screenshotWhenReady(Stage stage, MainViewModel vm, Path file) {
        javafx.beans.binding.BooleanBinding ready = vm.stateProperty().isEqualTo(MainViewModel.State.READY)
                .and(vm.session().executor().status().runningProperty().not());
        stage.getProperties().put("splitscope.screenshot", ready); // bindings are held weakly by their sources
        ready.addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> obs, Boolean old, Boolean now) {
                if (!now) {
                    return;
                }
                ready.removeListener(this);
                PauseTransition settle = new PauseTransition(Duration.seconds(1.5));
                settle.setOnFinished(e -> {
                    BufferedImage image = SwingFXUtils.fromFXImage(stage.getScene().snapshot(null), null);
                    try {
                        PngExport.write(file, image);
                        System.out.println("splitscope: window written to " + file);
                    } catch (java.io.IOException ex) {
                        System.err.println("splitscope: cannot write " + file + ": " + ex.getMessage());
                    }
                    PauseTransition quit = new PauseTransition(Duration.seconds(8));
                    quit.setOnFinished(x -> Platform.exit());
                    quit.play();
                });
                settle.play();
            }
        });
    }

    @Override
    public void stop() {
        if (executor != null) {
            executor.shutdown();
            // a forward still inside libtorch must end before the engine closes (a big model's forward
            // takes a few seconds at most; cancelled jobs stop between blocks)
            executor.awaitStopped(15_000);
        }
        if (vm != null && vm.session().modelProperty().get() != null) {
            vm.session().modelProperty().get().close();
        }
    }
}
