package org.splitscope.app.main;

import org.splitscope.view.ViewSpec;
import org.splitscope.view.Views;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;

/** Presenter mode's bottom bar: large previous/next buttons (walkthrough steps or images), the top class, the way out. */
final class PresenterBar {
    private PresenterBar() {}

    static Node of(MainViewModel vm) {
        Button previous = new Button("Previous", new FontIcon(MaterialDesignC.CHEVRON_LEFT));
        // In the walkthrough the big buttons step through the block; elsewhere through the images.
        boolean[] walking = {false};
        vm.viewProperty().addListener((obs, old, now) -> walking[0] = now == Views.WALKTHROUGH);
        walking[0] = vm.viewProperty().get() == Views.WALKTHROUGH;
        previous.setOnAction(e -> {
            if (walking[0]) {
                vm.walkthrough().previous();
            } else {
                vm.images().previous();
            }
        });
        Button next = new Button("Next", new FontIcon(MaterialDesignC.CHEVRON_RIGHT));
        next.setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
        next.setOnAction(e -> {
            if (walking[0]) {
                vm.walkthrough().next();
            } else {
                vm.images().next();
            }
        });
        Label name = new Label();
        name.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> caption(vm),
                vm.viewProperty(), vm.session().captureProperty(), vm.walkthrough().stepProperty(),
                vm.dataset().runProperty(), vm.session().blockProperty()));
        name.getStyleClass().add("presenter-caption");
        name.setMinWidth(0);
        Region left = new Region();
        Region right = new Region();
        HBox.setHgrow(left, Priority.ALWAYS);
        HBox.setHgrow(right, Priority.ALWAYS);
        Button exit = new Button("Exit", new FontIcon(MaterialDesignP.PRESENTATION));
        exit.setOnAction(e -> vm.session().presenterProperty().set(false));
        exit.setTooltip(new javafx.scene.control.Tooltip("Leave presenter mode (Esc or F11)"));
        for (Button b : new Button[] {previous, next, exit}) {
            b.setMinWidth(Region.USE_PREF_SIZE); // the name gives way, never the buttons
        }
        HBox bar = new HBox(16, previous, left, name, right, next, exit);
        name.setWrapText(true);
        name.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        bar.setAlignment(Pos.CENTER);
        bar.getStyleClass().add("presenter-bar");
        return bar;
    }

    /** The line between the big buttons, for the view shown: what Previous and Next step through. */
    static String caption(MainViewModel vm) {
        var c = vm.session().capture();
        String top = c == null || c.top().isEmpty() ? "" : c.top().get(0).label()
                + String.format(java.util.Locale.ROOT, " %.0f %%", 100 * c.top().get(0).probability());
        ViewSpec view = vm.viewProperty().get();
        if (view == Views.WALKTHROUGH) {
                var step = vm.walkthrough().stepProperty().get();
                return "Step " + (step.ordinal() + 1) + " of " + org.splitscope.view.walkthrough.WalkthroughStep.values().length
                        + " · " + vm.walkthrough().stepTitle(step) + (vm.session().blockProperty().get() == null ? ""
                                : " · " + vm.session().blockProperty().get());
        }
        if (view == Views.DATASET) {
            return vm.dataset().runProperty().get() == null ? "Dataset: no statistics yet"
                    : "Dataset · " + vm.dataset().folderProperty().get().getFileName();
        }
        return view == Views.VARIANTS ? (c == null ? "" : c.image().name() + " through every bundled variant") : top;
    }
}
