package org.splitscope.app.walkthrough;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.splitscope.app.figure.FigureView;
import org.splitscope.app.figure.FigureViews;
import org.splitscope.view.walkthrough.WalkthroughStep;

/** The selected block stage by stage: Previous / Next (or space), a click on a stage or a channel. */
public final class WalkthroughView extends FigureView<WalkthroughViewModel> {
    public WalkthroughView(WalkthroughViewModel vm) {
        super(vm, "walkthrough-view");
        Label title = new Label("Walkthrough");
        title.getStyleClass().add("view-title");
        Button previous = new Button("‹ Previous");
        Button next = new Button("Next ›");
        previous.setOnAction(e -> vm.previous());
        next.setOnAction(e -> vm.next());
        previous.disableProperty().bind(vm.stepProperty().isEqualTo(WalkthroughStep.INPUT));
        next.disableProperty().bind(vm.stepProperty().isEqualTo(WalkthroughStep.CONCAT));
        Label stepLabel = new Label();
        stepLabel.textProperty().bind(vm.stepProperty().map(s -> "Step " + (s.ordinal() + 1) + " of "
                + WalkthroughStep.values().length + " · " + vm.stepTitle(s)));
        Spinner<Integer> channel = new Spinner<>(new SpinnerValueFactory.IntegerSpinnerValueFactory(0, 4095, 0));
        channel.setEditable(true);
        channel.setPrefWidth(90);
        channel.getValueFactory().valueProperty().addListener((obs, old, now) -> {
            if (now != null) {
                vm.channelProperty().set(now);
            }
        });
        vm.channelProperty().addListener((obs, old, now) -> channel.getValueFactory().setValue(now.intValue()));
        vm.capturedProperty().addListener((obs, old, now) -> {
            if (now != null) {
                ((SpinnerValueFactory.IntegerSpinnerValueFactory) channel.getValueFactory())
                        .setMax(now.block().channels() - 1);
            }
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        setTop(FigureViews.header(title, previous, next, stepLabel, spacer, new Label("Channel c"), channel));

        FigureViews.body(this, canvas, vm, (w, style, room) -> vm.draw(w, style, room));
        canvas.setOnClick(vm::click);
        // Every step (Next, Previous, space) brings the highlighted stage into view, once it is drawn.
        vm.stepProperty().addListener((obs, old, now) -> javafx.application.Platform.runLater(() -> {
            canvas.refresh();
            canvas.scrollToShow(now);
        }));
        // Chosen from the tabs, the view takes the focus, so space steps at once.
        vm.activeProperty().addListener((obs, was, now) -> {
            if (now) {
                javafx.application.Platform.runLater(canvas::requestFocus);
            }
        });
        // A click on the figure takes the focus, so that space then steps (the canvas holds no other keys).
        canvas.setFocusTraversable(true);
        canvas.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> canvas.requestFocus());
        // Space steps on (Shift+space back) wherever the focus is in this view, except in the channel field.
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.SPACE && !channel.getEditor().isFocused()) {
                if (e.isShiftDown()) {
                    vm.previous();
                } else {
                    vm.next();
                }
                e.consume();
            }
        });
    }
}
