package org.splitscope.app.heatmap;

import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.splitscope.app.figure.FigureView;
import org.splitscope.app.figure.FigureViews;
import org.splitscope.render.AttentionScale;

/** Attention matrices per cardinal group and split contribution maps over the input: controls and the figure. */
public final class HeatmapView extends FigureView<HeatmapViewModel> {
    private final ScrollPane scroll;
    private final Label readout = new Label();
    private final Label title = new Label();

    public HeatmapView(HeatmapViewModel vm) {
        super(vm, "heatmap-view");

        Slider opacity = new Slider(0, 1, vm.opacityProperty().get());
        opacity.valueProperty().bindBidirectional(vm.opacityProperty());
        opacity.setPrefWidth(120);
        Label opacityValue = new Label();
        opacityValue.textProperty().bind(vm.opacityProperty().multiply(100).asString("%.0f %%"));
        title.getStyleClass().add("view-title");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        ComboBox<AttentionScale> scale = new ComboBox<>();
        scale.getItems().setAll(AttentionScale.values());
        scale.valueProperty().bindBidirectional(vm.scaleProperty());
        scale.setTooltip(new Tooltip("Colour scale of the attention matrix"));
        scale.setPrefWidth(170);
        scale.setMinWidth(Region.USE_PREF_SIZE);
        Label scaleLabel = new Label("Scale");
        scaleLabel.setMinWidth(Region.USE_PREF_SIZE);
        Label opacityLabel = new Label("Opacity");
        opacityLabel.setMinWidth(Region.USE_PREF_SIZE);
        setTop(FigureViews.header(title, spacer, scaleLabel, scale, opacityLabel, opacity, opacityValue));

        scroll = new ScrollPane(canvas);
        scroll.setFitToWidth(true);
        canvas.showIn(scroll);
        canvas.setFitHeight(vm.session().presenterProperty().get()); // a projector shows all of it
        vm.session().presenterProperty().addListener((obs, old, now) -> canvas.setFitHeight(now));
        setCenter(scroll);
        readout.getStyleClass().add("readout");
        // A long readout wraps onto a second line: its numbers are never cut with "…".
        readout.setWrapText(true);
        readout.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        readout.setMaxWidth(Double.MAX_VALUE);
        readout.textProperty().bind(vm.readout().textProperty());
        setBottom(readout);

        // Contribution panels as large as fit below the matrix (never tiny, never huge).
        canvas.setSource(w -> vm.draw(w, vm.session().style(),
                Math.max(200, Math.min(360, scroll.getViewportBounds().getHeight() * 0.5))));
        scroll.viewportBoundsProperty().addListener((obs, old, now) -> {
            if (old == null || old.getHeight() != now.getHeight()) {
                canvas.refresh();
            }
        });
        vm.revisionProperty().addListener((obs, old, now) -> redraw());
        vm.session().styleProperty().addListener((obs, old, now) -> canvas.refresh());
        canvas.setOnHover(t -> vm.readout().show(vm.readout(t)));
        canvas.setOnExit(vm.readout()::clear);
        redraw();
    }

    private void redraw() {
        var m = vm.matrixProperty().get();
        title.setText(m == null ? "" : (m.words().channelGate() ? "Gate and gated map · "
                : m.words().sk() ? "Attention and path contributions · " : "Attention and split contributions · ")
                + m.block() + "  (" + m.words().name() + ", " + (m.words().sk() ? "M = " : "R = ") + m.radix()
                + ", K = " + m.cardinality() + ", C = " + m.channels() + ")");
        canvas.refresh();
    }

    public Label readout() {
        return readout;
    }
}
