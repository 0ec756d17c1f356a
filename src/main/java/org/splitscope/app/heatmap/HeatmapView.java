package org.splitscope.app.heatmap;

import java.util.Locale;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextAlignment;
import org.splitscope.analysis.SplitContributions;
import org.splitscope.app.export.Exportable;
import org.splitscope.app.plot.Axes;
import org.splitscope.app.plot.FxImages;
import org.splitscope.app.plot.PlotCanvas;
import org.splitscope.app.plot.PlotStyle;
import org.splitscope.capture.BlockCapture;
import org.splitscope.render.ColorBars;

/** Attention matrices per cardinal group and split contribution maps over the input. */
public final class HeatmapView extends BorderPane implements Exportable {
    private static final double LEFT = 64;
    private static final double BAR_AREA = 120;

    private final HeatmapViewModel vm;
    private final PlotCanvas matrixCanvas = new PlotCanvas();
    private final PlotCanvas contributionCanvas = new PlotCanvas();
    private final VBox figure;
    private final Label readout = new Label();
    private final Label title = new Label();
    private final ScrollPane scroll;

    public HeatmapView(HeatmapViewModel vm) {
        this.vm = vm;
        getStyleClass().add("heatmap-view");
        getStylesheets().add(HeatmapView.class.getResource("heatmap.css").toExternalForm());

        Slider opacity = new Slider(0, 1, vm.opacityProperty().get());
        opacity.valueProperty().bindBidirectional(vm.opacityProperty());
        opacity.setPrefWidth(160);
        Label opacityValue = new Label();
        opacityValue.textProperty().bind(vm.opacityProperty().multiply(100).asString("%.0f %%"));
        title.getStyleClass().add("view-title");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        javafx.scene.control.ComboBox<org.splitscope.render.AttentionScale> scale = new javafx.scene.control.ComboBox<>();
        scale.getItems().setAll(org.splitscope.render.AttentionScale.values());
        scale.valueProperty().bindBidirectional(vm.scaleProperty());
        scale.setTooltip(new javafx.scene.control.Tooltip("Colour scale of the attention matrix"));
        scale.setPrefWidth(170);
        scale.setMinWidth(Region.USE_PREF_SIZE);
        Label scaleLabel = new Label("Scale");
        scaleLabel.setMinWidth(Region.USE_PREF_SIZE);
        Label opacityLabel = new Label("Opacity");
        opacityLabel.setMinWidth(Region.USE_PREF_SIZE);
        opacity.setPrefWidth(120);
        HBox header = new HBox(10, title, spacer, scaleLabel, scale, opacityLabel, opacity, opacityValue);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("view-header");
        setTop(header);

        figure = new VBox(matrixCanvas, contributionCanvas);
        figure.getStyleClass().add("figure");
        scroll = new ScrollPane(figure);
        scroll.setFitToWidth(true);
        setCenter(scroll);
        // Panels as large as fit below the matrix without scrolling (but never tiny).
        scroll.viewportBoundsProperty().addListener((obs, old, now) -> {
            sizeContributions();
            contributionCanvas.redraw();
        });
        readout.getStyleClass().add("readout");
        readout.textProperty().bind(vm.readout().textProperty());
        setBottom(readout);

        matrixCanvas.setPainter(this::paintMatrix);
        contributionCanvas.setPainter(this::paintContributions);
        vm.matrixProperty().addListener((obs, old, now) -> {
            sizeMatrix();
            matrixCanvas.redraw();
        });
        vm.contributionsProperty().addListener((obs, old, now) -> {
            sizeContributions();
            contributionCanvas.redraw();
        });
        vm.session().darkProperty().addListener((obs, old, now) -> {
            matrixCanvas.redraw();
            contributionCanvas.redraw();
        });
        contributionCanvas.widthProperty().addListener((obs, old, now) -> sizeContributions());
        matrixCanvas.setOnMouseMoved(e -> vm.readout().show(matrixReadout(e.getX(), e.getY())));
        matrixCanvas.setOnMouseExited(e -> vm.readout().clear());
        contributionCanvas.setOnMouseMoved(e -> vm.readout().show(contributionReadout(e.getX(), e.getY())));
        contributionCanvas.setOnMouseExited(e -> vm.readout().clear());
        sizeMatrix();
        sizeContributions();
    }

    private PlotStyle style() {
        return PlotStyle.of(vm.session().darkProperty().get());
    }

    // --- attention matrix: per group, R rows (splits) × C/K columns (channels)

    private double cellHeight(BlockCapture b) {
        return Math.max(14, Math.min(24, 96.0 / b.radix()));
    }

    private static final double GROUP_TOP = 26;
    private static final double GROUP_BOTTOM = 26;
    private static final double AXIS_LABEL = 20;

    private double groupHeight(BlockCapture b) {
        return GROUP_TOP + b.radix() * cellHeight(b) + GROUP_BOTTOM;
    }

    private void sizeMatrix() {
        HeatmapViewModel.AttentionMatrix m = vm.matrixProperty().get();
        double h = m == null ? 0 : 34 + m.block().cardinality() * groupHeight(m.block()) + AXIS_LABEL + 6;
        matrixCanvas.setPrefHeight(Math.max(h, m == null ? 0 : 150));
        matrixCanvas.setMinHeight(matrixCanvas.getPrefHeight());
        title.setText(m == null ? "" : "Attention and split contributions · " + m.block().name() + "  (R = "
                + m.block().radix() + ", K = " + m.block().cardinality() + ", C = " + m.block().channels() + ")");
    }

    private void paintMatrix(GraphicsContext g, double w, double h) {
        PlotStyle s = style();
        g.setFill(s.background());
        g.fillRect(0, 0, w, h);
        HeatmapViewModel.AttentionMatrix m = vm.matrixProperty().get();
        if (m == null) {
            return;
        }
        BlockCapture b = m.block();
        g.setFill(s.text());
        g.setFont(s.title());
        Axes.text(g, "Attention a_r(c) of " + b.name() + ": splits × channels, per cardinal group", 12, 18,
                TextAlignment.LEFT, VPos.CENTER);
        double matrixWidth = Math.max(40, w - LEFT - BAR_AREA);
        double cell = cellHeight(b);
        int per = b.groupChannels();
        double y0 = 34;
        for (int k = 0; k < b.cardinality(); k++) {
            double top = y0 + k * groupHeight(b) + GROUP_TOP;
            double height = b.radix() * cell;
            g.setFill(s.muted());
            g.setFont(s.font());
            Axes.text(g, "group k = " + k + "  (C/K = " + per + " channels)", LEFT, top - 8, TextAlignment.LEFT, VPos.BOTTOM);
            g.setImageSmoothing(false);
            g.drawImage(FxImages.of(m.groups().get(k)), LEFT, top, matrixWidth, height);
            g.setStroke(s.axis());
            g.setLineWidth(1);
            g.strokeRect(Axes.snap(LEFT), Axes.snap(top), Math.round(matrixWidth), Math.round(height));
            g.setFont(s.small());
            g.setFill(s.text());
            for (int r = 0; r < b.radix(); r++) {
                Axes.text(g, b.radix() == 1 ? "gate" : "r = " + r, LEFT - 8, top + (r + 0.5) * cell,
                        TextAlignment.RIGHT, VPos.CENTER);
            }
            // Channel ticks at round integer steps, centred on their cells.
            int step = channelStep(per, Math.max(2, (int) (matrixWidth / 60)));
            g.setFill(s.muted());
            for (int c = 0; c < per; c += step) {
                double x = LEFT + (c + 0.5) / per * matrixWidth;
                g.strokeLine(Axes.snap(x), top + height, Axes.snap(x), top + height + 4);
                Axes.text(g, Integer.toString(c), x, top + height + 6, TextAlignment.CENTER, VPos.TOP);
            }
            if (k == b.cardinality() - 1) {
                g.setFill(s.text());
                g.setFont(s.font());
                Axes.text(g, "channel c within its group (0 … C/K − 1)", LEFT + matrixWidth / 2, top + height + 22,
                        TextAlignment.CENTER, VPos.TOP);
            }
            g.setFill(s.text());
            g.setFont(s.small());
            Axes.vertical(g, "split r", 14, top + height / 2);
        }
        double barTop = y0 + GROUP_TOP;
        double barHeight = Math.max(90, b.cardinality() * groupHeight(b) - GROUP_TOP - 4);
        Axes.colorBar(g, s, m.colormap(), m.range(), w - BAR_AREA + 18, barTop, 14, barHeight,
                "a_r(c), " + m.scale() + (m.range().centered() ? ", neutral 1/R" : ""));
    }

    /** 1, 2, 5, 10, 20, 50 … : the smallest that gives at most {@code count} ticks over {@code n} channels. */
    static int channelStep(int n, int count) {
        for (int magnitude = 1; ; magnitude *= 10) {
            for (int m : new int[] {1, 2, 5}) {
                if ((double) n / (m * magnitude) <= count) {
                    return m * magnitude;
                }
            }
        }
    }

    private String matrixReadout(double x, double y) {
        HeatmapViewModel.AttentionMatrix m = vm.matrixProperty().get();
        if (m == null) {
            return "";
        }
        BlockCapture b = m.block();
        double matrixWidth = Math.max(40, matrixCanvas.getWidth() - LEFT - BAR_AREA);
        double cell = cellHeight(b);
        for (int k = 0; k < b.cardinality(); k++) {
            double top = 34 + k * groupHeight(b) + GROUP_TOP;
            if (y >= top && y < top + b.radix() * cell && x >= LEFT && x < LEFT + matrixWidth) {
                int r = (int) ((y - top) / cell);
                int c = (int) ((x - LEFT) / matrixWidth * b.groupChannels());
                return vm.attentionReadout(k, r, Math.min(c, b.groupChannels() - 1));
            }
        }
        return null;
    }

    // --- split contributions: one panel per split, same colour scale

    private double panelSize() {
        HeatmapViewModel.Contributions c = vm.contributionsProperty().get();
        int n = c == null || c.panels().isEmpty() ? 1 : c.panels().size();
        double available = contributionCanvas.getWidth() - LEFT / 2 - BAR_AREA - (n - 1) * 16;
        double height = scroll == null ? 340 : scroll.getViewportBounds().getHeight() - matrixCanvas.getPrefHeight() - 106;
        return Math.max(96, Math.min(Math.min(360, Math.max(200, height)), available / n));
    }

    private void sizeContributions() {
        HeatmapViewModel.Contributions c = vm.contributionsProperty().get();
        double h = c == null ? 0 : c.status() != null ? 80 : 34 + 24 + panelSize() + 44;
        if (contributionCanvas.getPrefHeight() != h) {
            contributionCanvas.setPrefHeight(h);
            contributionCanvas.setMinHeight(h);
        }
    }

    private void paintContributions(GraphicsContext g, double w, double h) {
        PlotStyle s = style();
        g.setFill(s.background());
        g.fillRect(0, 0, w, h);
        HeatmapViewModel.Contributions c = vm.contributionsProperty().get();
        if (c == null) {
            return;
        }
        g.setFill(s.text());
        g.setFont(s.title());
        String over = c.group() == SplitContributions.ALL_GROUPS ? "all groups" : "group k = " + c.group();
        Axes.text(g, "Split contributions Σ_c a_r(c)·U_r(c,h,w) over " + over + ", on the input", 12, 18,
                TextAlignment.LEFT, VPos.CENTER);
        if (c.status() != null) {
            g.setFill(s.muted());
            g.setFont(s.font());
            Axes.text(g, c.status(), 12, 50, TextAlignment.LEFT, VPos.CENTER);
            return;
        }
        double size = panelSize();
        double top = 34 + 24;
        double x0 = LEFT / 2;
        for (int r = 0; r < c.panels().size(); r++) {
            double x = x0 + r * (size + 16);
            g.setFill(s.text());
            g.setFont(s.font());
            Axes.text(g, c.panels().size() == 1 ? "gated split" : "split r = " + r, x + size / 2, top - 6,
                    TextAlignment.CENTER, VPos.BOTTOM);
            g.setImageSmoothing(true);
            g.drawImage(FxImages.of(c.panels().get(r)), x, top, size, size);
            g.setStroke(s.axis());
            g.strokeRect(Axes.snap(x), Axes.snap(top), Math.round(size), Math.round(size));
        }
        g.setFill(s.muted());
        g.setFont(s.small());
        Axes.text(g, String.format(Locale.ROOT, "maps %d×%d, bilinear to the %d×%d input · one colour scale for all splits",
                        c.mapHeight(), c.mapWidth(), vm.session().capture().input().height(),
                        vm.session().capture().input().width()),
                x0, top + size + 10, TextAlignment.LEFT, VPos.TOP);
        Axes.colorBar(g, s, c.colormap(), c.range(), w - BAR_AREA + 18, top, 14, size,
                c.range().centered() ? "Σ a·U (a.u.), neutral = 0" : "Σ a·U (activation, a.u.)");
    }

    private String contributionReadout(double x, double y) {
        HeatmapViewModel.Contributions c = vm.contributionsProperty().get();
        if (c == null || c.status() != null) {
            return null;
        }
        double size = panelSize();
        double top = 34 + 24;
        for (int r = 0; r < c.panels().size(); r++) {
            double px = LEFT / 2 + r * (size + 16);
            if (x >= px && x < px + size && y >= top && y < top + size) {
                int mx = Math.min(c.mapWidth() - 1, (int) ((x - px) / size * c.mapWidth()));
                int my = Math.min(c.mapHeight() - 1, (int) ((y - top) / size * c.mapHeight()));
                return vm.contributionReadout(r, mx, my);
            }
        }
        return null;
    }

    @Override
    public String exportName() {
        return "heatmaps";
    }

    @Override
    public Node figure() {
        return figure;
    }

    public Label readout() {
        return readout;
    }
}
