package org.splitscope.app.main;

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
        vm.viewProperty().addListener((obs, old, now) -> walking[0] = now == MainViewModel.View.WALKTHROUGH);
        walking[0] = vm.viewProperty().get() == MainViewModel.View.WALKTHROUGH;
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
        vm.session().captureProperty().addListener((obs, old, now) -> name.setText(now == null ? ""
                : now.top().get(0).label() + String.format(java.util.Locale.ROOT, " %.0f %%",
                        100 * now.top().get(0).probability())));
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
        bar.setAlignment(Pos.CENTER);
        bar.getStyleClass().add("presenter-bar");
        return bar;
    }
}
