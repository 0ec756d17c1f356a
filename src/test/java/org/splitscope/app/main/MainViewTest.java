package org.splitscope.app.main;

import org.splitscope.view.ViewSpec;
import org.splitscope.view.Views;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.splitscope.app.base.SerialTaskExecutor;
import org.splitscope.app.base.Settings;
import org.splitscope.app.SplitScopeApp;
import org.splitscope.app.base.StartOptions;
import org.splitscope.app.TestModels;
import org.splitscope.app.featuremaps.FeatureMapsView;
import org.splitscope.render.Colormap;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real window on Monocle's headless platform, driven like a user would. */
@ExtendWith(ApplicationExtension.class)
class MainViewTest {
    private Settings settings;
    private MainViewModel vm;
    private MainView view;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        settings = TestModels.settings();
        vm = new MainViewModel(SerialTaskExecutor.background(), settings);
        view = SplitScopeApp.build(stage, vm, settings);
        stage.setWidth(1600); // every tab in sight (narrower windows list the rest in the tab menu)
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

    private static void waitUntil(String what, Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting until " + what, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void openTestModel(FxRobot robot) throws Exception {
        Path model = TestModels.gray28();
        robot.interact(() -> vm.start(new StartOptions(model, TestModels.image(), null, null, null, null, null, null)));
        waitUntil("the first capture is shown", () -> vm.stateProperty().get() == MainViewModel.State.READY);
    }

    @Test
    void exploreEveryViewAndExportAPng(FxRobot robot, @TempDir Path dir) throws Exception {
        openTestModel(robot);
        int forwards = vm.session().forwardsProperty().get();

        // Blocks from the navigator tree.
        robot.clickOn(labeled(robot, "layer3.0"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("layer3.0", vm.session().blockProperty().get());
        robot.clickOn(labeled(robot, "layer1.0"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("layer1.0", vm.heatmap().matrixProperty().get().block());

        // Only the tab shown so far has its View: the others are made the first time they are shown.
        var tabPane = robot.lookup(".tab-pane").queryAs(javafx.scene.control.TabPane.class);
        for (var tab : tabPane.getTabs()) {
            assertEquals(tab.isSelected(), tab.getContent() != null, tab.getText() + " has a View only once shown");
        }

        // Every view, through its tab; each draws something.
        for (ViewSpec v : Views.tabs()) {
            robot.clickOn(tabLabel(robot, v.title()));
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(v, vm.viewProperty().get());
            assertTrue(colours(robot, view.currentView().canvas()) > 20, v + " draws a figure");
            robot.moveTo(view.currentView().canvas());
        }
        FeatureMapsView maps = (FeatureMapsView) view.view(Views.FEATUREMAPS);
        assertEquals(8, maps.canvas().drawing().hits().size(), "layer1.0: C = 8 channels over both groups");

        // The colormap, from the toolbar.
        robot.clickOn(labeled(robot, "viridis"));
        robot.clickOn(labeled(robot, "magma"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Colormap.MAGMA, vm.session().colormapProperty().get());
        assertEquals(Colormap.MAGMA, vm.heatmap().request().colormap());

        // Theme switch: the whole window goes dark.
        robot.interact(vm::toggleTheme);
        assertTrue(Application.getUserAgentStylesheet().toLowerCase().contains("dark"));
        robot.interact(vm::toggleTheme);

        assertEquals(forwards, vm.session().forwardsProperty().get(), "selection, views and colormap: no forward");

        // Save the GAP view as a 1200 px PNG at 300 dpi: the paper figure, not a screenshot.
        robot.interact(() -> vm.viewProperty().set(Views.GAP));
        vm.export().formatProperty().set(org.splitscope.figure.FigureFormat.PNG);
        vm.export().widthProperty().set("1200px");
        vm.export().dpiProperty().set(300);
        Path png = dir.resolve("gap");
        robot.interact(() -> assertTrue(view.export().saveTo(view.currentView(), png, false, stage)));
        Path written = dir.resolve("gap.png");
        waitUntil("the PNG is written", () -> Files.isRegularFile(written));
        BufferedImage image = ImageIO.read(written.toFile());
        assertNotNull(image, "decodes as PNG");
        assertEquals(1200, image.getWidth());
        assertEquals(0xFFFFFFFF, image.getRGB(2, 2), "the paper theme: white");
        waitUntil("the status bar says where it went", () -> view.statusText().startsWith("Saved "));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(written), files.toList(), "no temporary file left behind");
        }

        // Copy the view: the clipboard holds the figure as on screen, at the copy scale.
        vm.export().scaleProperty().set(2);
        double width = view.currentView().canvas().drawing().width();
        robot.interact(() -> view.export().copy(view.currentView()));
        robot.interact(() -> {
            var clipboard = javafx.scene.input.Clipboard.getSystemClipboard();
            assertTrue(clipboard.hasImage(), "an image on the clipboard");
            assertEquals(Math.ceil(width * 2), clipboard.getImage().getWidth(), 1);
        });
    }

    @Test
    void keyboardStepsThroughImagesAndBlocks(FxRobot robot) throws Exception {
        openTestModel(robot);
        waitUntil("the samples are in the strip", () -> vm.images().images().size() > 1);
        Node strip = robot.lookup(".thumbnail-strip").query();
        robot.interact(strip::requestFocus);
        robot.type(KeyCode.RIGHT);
        waitUntil("the arrow key moved on", () -> vm.session().capture() != null
                && vm.session().capture().image() == vm.images().images().get(1));
        robot.clickOn(robot.lookup((Node n) -> n instanceof javafx.scene.control.Button b && b.getTooltip() != null
                && b.getTooltip().getText().startsWith("Next image")).queryAs(javafx.scene.control.Button.class));
        waitUntil("the next button moved on", () -> vm.session().capture().image() == vm.images().images().get(2));
        String before = vm.session().blockProperty().get();
        robot.press(KeyCode.CONTROL).type(KeyCode.DOWN).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(before.equals(vm.session().blockProperty().get()), "Ctrl+Down selects the next block");
    }

    @Test
    void anErrorShowsADialogAndKeepsTheModel(FxRobot robot, @TempDir Path dir) throws Exception {
        openTestModel(robot);
        var model = vm.session().modelProperty().get();
        Path broken = Files.write(dir.resolve("broken.pth"), new byte[] {'P', 'K', 3, 4, 0});
        robot.interact(() -> vm.open(List.of(broken)));
        waitUntil("the dialog", () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        DialogPane pane = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertTrue(pane.getContentText().contains("broken.pth"), pane.getContentText());
        assertFalse(pane.getContentText().contains("\n"), "one line");
        assertNotNull(pane.getExpandableContent(), "details behind the expander");
        robot.clickOn(labeled(robot, "OK"));
        assertEquals(model, vm.session().modelProperty().get());
        assertEquals(MainViewModel.State.READY, vm.stateProperty().get());
    }

    @Test
    void withoutAModelTheWindowOffersToOpenOne(FxRobot robot) throws Exception {
        robot.interact(() -> {
            vm.model().bundled().clear(); // as in a build without bundled models
            vm.start(StartOptions.none());
        });
        waitUntil("the samples are read", () -> !vm.session().executor().status().isRunning());
        assertEquals(MainViewModel.State.NO_MODEL, vm.stateProperty().get());
        assertTrue(labeled(robot, "Open a checkpoint…").isVisible());
        assertTrue(labeled(robot, "No model open").isVisible());
    }

    /** The visible labeled node with exactly this text. */
    /** A tab's header, not a view's title of the same text (Compare, Walkthrough). */
    private static Labeled tabLabel(FxRobot robot, String text) {
        return robot.lookup((Node n) -> n instanceof Labeled l && text.equals(l.getText())
                && n.getStyleClass().contains("tab-label")).queryAs(Labeled.class);
    }

    private static Labeled labeled(FxRobot robot, String text) {
        return robot.lookup((Node n) -> n instanceof Labeled l && text.equals(l.getText()) && n.isVisible()
                && n.getScene() != null && n.localToScreen(n.getBoundsInLocal()) != null).queryAs(Labeled.class);
    }

    /** Distinct colours in a snapshot of the node: a drawn figure has many, an empty panel one or two. */
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
