package org.splitscope.app.gap;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextAlignment;
import org.splitscope.analysis.ChannelValue;
import org.splitscope.analysis.GapSummary;
import org.splitscope.app.export.Exportable;
import org.splitscope.app.plot.Axes;
import org.splitscope.app.plot.PlotCanvas;
import org.splitscope.app.plot.PlotStyle;
import org.splitscope.render.ColorBars;
import org.splitscope.render.ValueRange;

/** Per cardinal group: the histogram of s^k, its mean, std and max, and the largest channels. */
public final class GapView extends BorderPane implements Exportable {
    private static final double ROW_HEIGHT = 262;
    private static final double SIDE = 270;
    private static final double LEFT = 70;

    private final GapViewModel vm;
    private final VBox figure = new VBox();
    private final List<PlotCanvas> rows = new ArrayList<>();
    private final Label readout = new Label();
    private final Label title = new Label();

    public GapView(GapViewModel vm) {
        this.vm = vm;
        getStyleClass().add("gap-view");
        getStylesheets().add(GapView.class.getResource("gap.css").toExternalForm());
        Spinner<Integer> bins = new Spinner<>(4, 128, vm.binsProperty().get(), 4);
        bins.setPrefWidth(90);
        bins.valueProperty().addListener((obs, old, now) -> vm.binsProperty().set(now));
        title.getStyleClass().add("view-title");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(10, title, spacer, new Label("Bins"), bins);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("view-header");
        setTop(header);
        figure.getStyleClass().add("figure");
        ScrollPane scroll = new ScrollPane(figure);
        scroll.setFitToWidth(true);
        setCenter(scroll);
        readout.getStyleClass().add("readout");
        readout.textProperty().bind(vm.readout().textProperty());
        setBottom(readout);
        vm.gapProperty().addListener((obs, old, now) -> rebuild());
        vm.session().colormapProperty().addListener((obs, old, now) -> rows.forEach(PlotCanvas::redraw));
        vm.session().darkProperty().addListener((obs, old, now) -> rows.forEach(PlotCanvas::redraw));
        rebuild();
    }

    private void rebuild() {
        GapViewModel.Gap gap = vm.gapProperty().get();
        int n = gap == null ? 0 : gap.groups().size();
        title.setText(gap == null ? "" : "GAP statistics · " + gap.block().name() + "  (s^k: the pooled sum of the splits, "
                + "input of fc1)");
        while (rows.size() > n) {
            figure.getChildren().remove(rows.remove(rows.size() - 1));
        }
        while (rows.size() < n) {
            int k = rows.size();
            PlotCanvas row = new PlotCanvas();
            row.setPrefHeight(ROW_HEIGHT);
            row.setMinHeight(ROW_HEIGHT);
            row.setPainter((g, w, h) -> paint(g, w, h, k));
            row.setOnMouseMoved(e -> vm.readout().show(binReadout(k, e.getX(), row.getWidth())));
            row.setOnMouseExited(e -> vm.readout().clear());
            rows.add(row);
            figure.getChildren().add(row);
        }
        rows.forEach(PlotCanvas::redraw);
    }

    private void paint(GraphicsContext g, double w, double h, int k) {
        PlotStyle s = PlotStyle.of(vm.session().darkProperty().get());
        g.setFill(s.background());
        g.fillRect(0, 0, w, h);
        GapViewModel.Gap gap = vm.gapProperty().get();
        if (gap == null || k >= gap.groups().size()) {
            return;
        }
        GapSummary sum = gap.groups().get(k);
        double top = 46;
        double bottom = h - 48;
        double right = w - SIDE - 16;
        g.setFill(s.text());
        g.setFont(s.title());
        Axes.text(g, "group k = " + k + ": histogram of s^" + k + " over its " + sum.channels() + " channels", 12, 16,
                TextAlignment.LEFT, VPos.CENTER);
        int max = 1;
        for (int c : sum.counts()) {
            max = Math.max(max, c);
        }
        Axes.valueAxis(g, s, LEFT, top, bottom, right, 0, max * 1.05, "channels", true);
        ValueRange colour = gap.range().forColormap(vm.session().colormapProperty().get());
        double binW = (right - LEFT) / sum.counts().length;
        for (int i = 0; i < sum.counts().length; i++) {
            double centre = sum.binStart() + (i + 0.5) * sum.binWidth();
            double y = bottom - sum.counts()[i] / (max * 1.05) * (bottom - top);
            g.setFill(PlotStyle.color(vm.session().colormapProperty().get().argb(colour.normalize(centre))));
            g.fillRect(LEFT + i * binW + 1, y, Math.max(1, binW - 2), bottom - y);
        }
        // value axis along x: the bin edges
        g.setStroke(s.axis());
        g.strokeLine(LEFT, Axes.snap(bottom), right, Axes.snap(bottom));
        double lo = sum.binStart();
        double hi = sum.binStart() + sum.binWidth() * sum.counts().length;
        int count = Math.max(2, (int) ((right - LEFT) / 80));
        double step = ColorBars.step(lo, hi, count);
        g.setFont(s.small());
        g.setFill(s.muted());
        for (double v : ColorBars.ticks(lo, hi, count)) {
            double x = LEFT + (v - lo) / (hi - lo) * (right - LEFT);
            g.strokeLine(Axes.snap(x), bottom, Axes.snap(x), bottom + 4);
            Axes.text(g, ColorBars.label(v, step), x, bottom + 6, TextAlignment.CENTER, VPos.TOP);
        }
        g.setFill(s.text());
        g.setFont(s.font());
        Axes.text(g, "s^k = GAP(Σ_r U_r) per channel (activation, a.u.)", (LEFT + right) / 2, bottom + 24,
                TextAlignment.CENTER, VPos.TOP);
        // mean (line) ± std (band), clipped to the plot area
        double mx = LEFT + (sum.mean() - lo) / (hi - lo) * (right - LEFT);
        double sx = sum.std() / (hi - lo) * (right - LEFT);
        g.save();
        g.beginPath();
        g.rect(LEFT, top, right - LEFT, bottom - top);
        g.clip();
        g.setFill(s.accent().deriveColor(0, 1, 1, 0.12));
        g.fillRect(mx - sx, top, 2 * sx, bottom - top);
        g.setStroke(s.accent());
        g.setLineWidth(2);
        g.strokeLine(mx, top, mx, bottom);
        g.restore();
        g.setFill(s.accent());
        g.setFont(s.small());
        Axes.text(g, "mean " + ColorBars.exact(sum.mean()) + " ± std (band)", Math.max(LEFT, Math.min(mx + 4, right - 150)),
                top - 4, TextAlignment.LEFT, VPos.BOTTOM);

        // statistics and the largest channels
        double x = w - SIDE;
        g.setFill(s.text());
        g.setFont(s.font());
        String[][] stats = {
            {"mean", ColorBars.exact(sum.mean())}, {"std", ColorBars.exact(sum.std())},
            {"min", ColorBars.exact(sum.min())}, {"max", ColorBars.exact(sum.max())}};
        for (int i = 0; i < stats.length; i++) {
            g.setFill(s.muted());
            Axes.text(g, stats[i][0], x, top + i * 18, TextAlignment.LEFT, VPos.TOP);
            g.setFill(s.text());
            Axes.text(g, stats[i][1], x + 48, top + i * 18, TextAlignment.LEFT, VPos.TOP);
        }
        double ty = top + 4 * 18 + 10;
        g.setFill(s.muted());
        Axes.text(g, "largest channels (c within group: s^k)", x, ty, TextAlignment.LEFT, VPos.TOP);
        g.setFont(s.small());
        double barMax = SIDE - 120;
        for (int i = 0; i < sum.top().size(); i++) {
            ChannelValue cv = sum.top().get(i);
            double y = ty + 18 + i * 15;
            if (y > h - 10) {
                break;
            }
            g.setFill(s.text());
            Axes.text(g, "c " + cv.channel(), x, y, TextAlignment.LEFT, VPos.TOP);
            double len = sum.max() > 0 ? Math.max(1, cv.value() / sum.max() * barMax) : 1;
            g.setFill(PlotStyle.color(vm.session().colormapProperty().get().argb(colour.normalize(cv.value()))));
            g.fillRect(x + 44, y + 2, len, 10);
            g.setFill(s.muted());
            Axes.text(g, ColorBars.exact(cv.value()), x + 48 + len, y, TextAlignment.LEFT, VPos.TOP);
        }
    }

    private String binReadout(int k, double x, double w) {
        GapViewModel.Gap gap = vm.gapProperty().get();
        if (gap == null || k >= gap.groups().size()) {
            return null;
        }
        double right = w - SIDE - 16;
        int bins = gap.groups().get(k).counts().length;
        int bin = (int) ((x - LEFT) / ((right - LEFT) / bins));
        return bin >= 0 && bin < bins && x >= LEFT ? vm.binReadout(k, bin) : readout.getText();
    }

    @Override
    public String exportName() {
        return "gap";
    }

    @Override
    public Node figure() {
        return figure;
    }
}
