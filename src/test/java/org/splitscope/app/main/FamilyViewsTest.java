package org.splitscope.app.main;

import org.splitscope.view.ViewSpec;
import org.splitscope.view.Views;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.splitscope.TestSupport;
import org.splitscope.app.base.SerialTaskExecutor;
import org.splitscope.app.base.Settings;
import org.splitscope.app.SplitScopeApp;
import org.splitscope.app.base.StartOptions;
import org.splitscope.app.TestModels;
import org.splitscope.model.ResidualBlock;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window with an SE, an ECA and an SK model (the family's parity fixtures): it opens them, every
 * view draws for every block without an exception. Whether each view words the mechanism honestly
 * ("gate", "path") is the views' work, not checked here.
 */
@ExtendWith(ApplicationExtension.class)
class FamilyViewsTest {
    private Settings settings;
    private MainViewModel vm;
    private MainView view;

    @Start
    void start(Stage stage) {
        settings = TestModels.settings();
        vm = new MainViewModel(SerialTaskExecutor.background(), settings);
        view = SplitScopeApp.build(stage, vm, settings);
        stage.setWidth(1600);
        stage.setHeight(900);
        stage.show();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> {
            var model = vm.session().modelProperty().get();
            vm.session().modelProperty().set(null);
            if (model != null) {
                model.close();
            }
            vm.session().executor().shutdown();
        });
        settings.clear();
    }

    /**
     * Every view but Variants (which runs the bundled models, not this one), at the block the window
     * starts on, for an SE model; the soak test below does the rest.
     */
    @org.junit.jupiter.api.Test
    void everyViewDrawsAnSeModel(FxRobot robot) throws Throwable {
        sweep("se_resnext_deep_bn", robot, false);
    }

    /** Every view at every block of SE, ECA and both SK layouts (about 200 s: -Psoak). */
    @org.junit.jupiter.api.Tag("soak")
    @ParameterizedTest
    @ValueSource(strings = {"se_resnext_deep_bn", "eca_bottleneck_tiered", "sk_bottleneck_nosplit", "sk_basic_split"})
    void everyViewDrawsEveryBlock(String fixture, FxRobot robot) throws Throwable {
        sweep(fixture, robot, true);
    }

    private void sweep(String fixture, FxRobot robot, boolean everyBlock) throws Throwable {
        Path model = TestSupport.resource("parity/family/" + fixture + ".safetensors");
        Path image = Path.of("resources/samples/photos/astronaut.png");
        robot.interact(() -> vm.start(new StartOptions(model, image, null, null, null, null, null, null)));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.stateProperty().get() == MainViewModel.State.READY);
        WaitForAsyncUtils.waitForFxEvents();

        List<String> blank = new ArrayList<>();
        List<ResidualBlock> blocks = everyBlock ? vm.session().attentionBlocks() : List.of();
        int sweeps = Math.max(1, blocks.size());
        for (int i = 0; i < sweeps; i++) {
            if (everyBlock) {
                String name = blocks.get(i).name();
                robot.interact(() -> vm.session().blockProperty().set(name));
            }
            for (ViewSpec v : Views.tabs()) {
                if (!everyBlock && v == Views.VARIANTS) {
                    continue;
                }
                robot.interact(() -> vm.viewProperty().set(v));
                WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                        () -> !vm.session().executor().status().runningProperty().get());
                WaitForAsyncUtils.waitForFxEvents();
                WaitForAsyncUtils.checkException();
                assertEquals(v, vm.viewProperty().get());
                if (colours(robot, view.currentView().canvas()) <= 20) {
                    blank.add(vm.session().blockProperty().get() + " " + v);
                }
            }
        }
        System.out.println("family views " + fixture + ": " + (blank.isEmpty() ? "every view drew" : "blank: " + blank));
        assertTrue(blank.size() < sweeps * Views.tabs().size() / 2,
                fixture + ": most views draw nothing: " + blank);
    }

    private static int colours(FxRobot robot, Node node) {
        BufferedImage[] image = new BufferedImage[1];
        robot.interact(() -> image[0] = SwingFXUtils.fromFXImage(node.snapshot(null, null), null));
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < image[0].getHeight(); y += 2) {
            for (int x = 0; x < image[0].getWidth(); x += 2) {
                seen.add(image[0].getRGB(x, y));
            }
        }
        return seen.size();
    }
}
