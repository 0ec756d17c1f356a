package org.splitscope.app.splitbars;

import java.util.List;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextAlignment;
import org.splitscope.analysis.SplitStats;
import org.splitscope.app.export.Exportable;
import org.splitscope.app.plot.Axes;
import org.splitscope.app.plot.PlotCanvas;
import org.splitscope.app.plot.PlotStyle;
import org.splitscope.render.ColorBars;

/** Bar charts of attention per split and group, stacked or with whiskers, and a small multiple per block. */
public final class SplitBarsView extends BorderPane implements Exportable {
    private static final double CHART_HEIGHT = 300;
    private static final double CELL_W = 132;
    private static final double CELL_H = 96;

    private final SplitBarsViewModel vm;
    private final PlotCanvas bars = new PlotCanvas();
    private final PlotCanvas overview = new PlotCanvas();
    private final VBox figure;
    private final Label readout = new Label();

    public SplitBarsView(SplitBarsViewModel vm) {
        this.vm = vm;
        getStyleClass().add("split-bars-view");
        getStylesheets().add(SplitBarsView.class.getResource("splitbars.css").toExternalForm());

        ComboBox<SplitBarsViewModel.Whiskers> whiskers = new ComboBox<>();
        whiskers.getItems().setAll(SplitBarsViewModel.Whiskers.values());
        whiskers.valueProperty().bindBidirectional(vm.whiskersProperty());
        whiskers.disableProperty().bind(vm.stackedProperty());
        CheckBox stacked = new CheckBox("Stacked");
        stacked.selectedProperty().bindBidirectional(vm.stackedProperty());
        Label title = new Label();
        title.getStyleClass().add("view-title");
        title.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            SplitBarsViewModel.Bars b = vm.barsProperty().get();
            return b == null ? "" : "Attention per split · " + b.block();
        }, vm.barsProperty()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(10, title, spacer, new Label("Whiskers"), whiskers, stacked);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("view-header");
        setTop(header);

        bars.setPrefHeight(CHART_HEIGHT);
        bars.setMinHeight(CHART_HEIGHT);
        figure = new VBox(bars, overview);
        figure.getStyleClass().add("figure");
        ScrollPane scroll = new ScrollPane(figure);
        scroll.setFitToWidth(true);
        setCenter(scroll);
        readout.getStyleClass().add("readout");
        readout.textProperty().bind(vm.readout().textProperty());
        setBottom(readout);

        bars.setPainter(this::paintBars);
        overview.setPainter(this::paintOverview);
        Runnable redraw = () -> {
            bars.redraw();
            sizeOverview();
            overview.redraw();
        };
        vm.barsProperty().addListener((obs, old, now) -> redraw.run());
        vm.overviewProperty().addListener((obs, old, now) -> redraw.run());
        vm.whiskersProperty().addListener((obs, old, now) -> bars.redraw());
        vm.stackedProperty().addListener((obs, old, now) -> bars.redraw());
        vm.session().colormapProperty().addListener((obs, old, now) -> redraw.run());
        vm.session().darkProperty().addListener((obs, old, now) -> redraw.run());
        vm.session().blockProperty().addListener((obs, old, now) -> overview.redraw());
        overview.widthProperty().addListener((obs, old, now) -> sizeOverview());
        bars.setOnMouseMoved(e -> vm.readout().show(barReadout(e.getX(), e.getY())));
        bars.setOnMouseExited(e -> vm.readout().clear());
        overview.setOnMouseMoved(e -> {
            SplitBarsViewModel.BlockBars b = blockAt(e.getX(), e.getY());
            if (b != null) {
                vm.readout().show(vm.overviewReadout(b));
            }
        });
        overview.setOnMouseClicked(e -> {
            SplitBarsViewModel.BlockBars b = blockAt(e.getX(), e.getY());
            if (b != null) {
                vm.session().blockProperty().set(b.block());
            }
        });
        sizeOverview();
    }

    private PlotStyle style() {
        return PlotStyle.of(vm.session().darkProperty().get());
    }

    // --- the selected block: one chart per cardinal group, or one stacked chart

    private static final double LEFT = 70;
    private static final double TOP = 56;
    private static final double BOTTOM = 52;

    /** x-extent of group k's chart. */
    private double[] panel(int k, int groups, double w) {
        double per = (w - 16) / groups;
        return new double[] {k * per + LEFT, Math.max(60, per - LEFT - 12)};
    }

    private void paintBars(GraphicsContext g, double w, double h) {
        PlotStyle s = style();
        g.setFill(s.background());
        g.fillRect(0, 0, w, h);
        SplitBarsViewModel.Bars b = vm.barsProperty().get();
        if (b == null) {
            return;
        }
        g.setFill(s.text());
        g.setFont(s.title());
        boolean stacked = vm.stackedProperty().get();
        Axes.text(g, stacked ? "Share of attention per split, stacked, per cardinal group · " + b.block()
                        : "Mean attention per split over each group's channels · " + b.block() + " (whiskers: "
                        + vm.whiskersProperty().get() + ")", 12, 18, TextAlignment.LEFT, VPos.CENTER);
        legend(g, s, b.radix(), w);
        double bottom = h - BOTTOM;
        if (stacked) {
            paintStacked(g, s, b, w, bottom);
            return;
        }
        for (int k = 0; k < b.groups().size(); k++) {
            double[] p = panel(k, b.groups().size(), w);
            Axes.valueAxis(g, s, p[0], TOP, bottom, p[0] + p[1], 0, 1, k == 0 ? "mean attention a_r" : null);
            List<SplitStats> splits = b.groups().get(k);
            double slot = p[1] / splits.size();
            double barW = Math.min(64, slot * 0.6);
            if (b.radix() >= 2) {
                double uniform = bottom - (1.0 / b.radix()) * (bottom - TOP);
                g.setStroke(s.neutral());
                g.setLineDashes(4, 4);
                g.strokeLine(p[0], Axes.snap(uniform), p[0] + p[1], Axes.snap(uniform));
                g.setLineDashes();
                g.setFill(s.muted());
                g.setFont(s.small());
                Axes.text(g, "uniform 1/R", p[0] + p[1] - 2, uniform - 3, TextAlignment.RIGHT, VPos.BOTTOM);
            }
            for (SplitStats st : splits) {
                double cx = p[0] + (st.split() + 0.5) * slot;
                double y = bottom - st.mean() * (bottom - TOP);
                g.setFill(PlotStyle.color(vm.splitColour(st.split(), b.radix())));
                g.fillRect(cx - barW / 2, y, barW, bottom - y);
                boolean quartiles = vm.whiskersProperty().get() == SplitBarsViewModel.Whiskers.QUARTILES;
                double lo = quartiles ? st.q1() : st.min();
                double hi = quartiles ? st.q3() : st.max();
                double ylo = bottom - lo * (bottom - TOP);
                double yhi = bottom - hi * (bottom - TOP);
                g.setStroke(s.text());
                g.setLineWidth(1.5);
                g.strokeLine(Axes.snap(cx), ylo, Axes.snap(cx), yhi);
                g.strokeLine(cx - barW / 5, Axes.snap(ylo), cx + barW / 5, Axes.snap(ylo));
                g.strokeLine(cx - barW / 5, Axes.snap(yhi), cx + barW / 5, Axes.snap(yhi));
                if (quartiles) {
                    double ym = bottom - st.median() * (bottom - TOP);
                    g.fillOval(cx - 3, ym - 3, 6, 6);
                }
                g.setLineWidth(1);
                g.setFill(s.text());
                g.setFont(s.small());
                Axes.text(g, b.radix() == 1 ? "gate" : "r = " + st.split(), cx, bottom + 6, TextAlignment.CENTER, VPos.TOP);
            }
            g.setFill(s.text());
            g.setFont(s.font());
            Axes.text(g, "split r · group k = " + k + " (" + splits.get(0).channels() + " channels)", p[0] + p[1] / 2,
                    bottom + 26, TextAlignment.CENTER, VPos.TOP);
        }
    }

    private void paintStacked(GraphicsContext g, PlotStyle s, SplitBarsViewModel.Bars b, double w, double bottom) {
        double right = w - 24;
        Axes.valueAxis(g, s, LEFT, TOP, bottom, right, 0, 1, "mean attention a_r (stacked)");
        int groups = b.groups().size();
        double slot = (right - LEFT) / groups;
        double barW = Math.min(90, slot * 0.5);
        for (int k = 0; k < groups; k++) {
            double cx = LEFT + (k + 0.5) * slot;
            double acc = 0;
            for (SplitStats st : b.groups().get(k)) {
                double y0 = bottom - acc * (bottom - TOP);
                double y1 = bottom - Math.min(1, acc + st.mean()) * (bottom - TOP);
                g.setFill(PlotStyle.color(vm.splitColour(st.split(), b.radix())));
                g.fillRect(cx - barW / 2, y1, barW, y0 - y1);
                g.setStroke(s.background());
                g.strokeLine(cx - barW / 2, Axes.snap(y1), cx + barW / 2, Axes.snap(y1));
                acc += st.mean();
            }
            g.setFill(s.text());
            g.setFont(s.small());
            Axes.text(g, "k = " + k, cx, bottom + 6, TextAlignment.CENTER, VPos.TOP);
        }
        g.setFont(s.font());
        Axes.text(g, "cardinal group k", (LEFT + right) / 2, bottom + 26, TextAlignment.CENTER, VPos.TOP);
    }

    private void legend(GraphicsContext g, PlotStyle s, int radix, double w) {
        double x = w - 24;
        g.setFont(s.small());
        for (int r = radix - 1; r >= 0; r--) {
            String label = radix == 1 ? "gate" : "split r = " + r;
            double tw = label.length() * 6 + 22;
            x -= tw;
            g.setFill(PlotStyle.color(vm.splitColour(r, radix)));
            g.fillRect(x, 34, 12, 12);
            g.setFill(s.text());
            Axes.text(g, label, x + 16, 40, TextAlignment.LEFT, VPos.CENTER);
        }
    }

    private String barReadout(double x, double y) {
        SplitBarsViewModel.Bars b = vm.barsProperty().get();
        if (b == null) {
            return null;
        }
        double w = bars.getWidth();
        if (vm.stackedProperty().get()) {
            double slot = (w - 24 - LEFT) / b.groups().size();
            int k = (int) ((x - LEFT) / slot);
            if (k < 0 || k >= b.groups().size()) {
                return null;
            }
            double bottom = bars.getHeight() - BOTTOM;
            double v = (bottom - y) / (bottom - TOP);
            double acc = 0;
            for (SplitStats st : b.groups().get(k)) {
                if (v >= acc && v < acc + st.mean()) {
                    return vm.barReadout(k, st.split());
                }
                acc += st.mean();
            }
            return null;
        }
        for (int k = 0; k < b.groups().size(); k++) {
            double[] p = panel(k, b.groups().size(), w);
            if (x >= p[0] && x < p[0] + p[1]) {
                int r = (int) ((x - p[0]) / (p[1] / b.radix()));
                return vm.barReadout(k, Math.min(r, b.radix() - 1));
            }
        }
        return null;
    }

    // --- all blocks: small multiples in forward order

    private int columns() {
        return Math.max(1, (int) ((overview.getWidth() - 24) / CELL_W));
    }

    private void sizeOverview() {
        int n = vm.overviewProperty().get().size();
        double h = n == 0 ? 0 : 44 + Math.ceil((double) n / columns()) * CELL_H + 12;
        if (overview.getPrefHeight() != h) {
            overview.setPrefHeight(h);
            overview.setMinHeight(h);
        }
    }

    private void paintOverview(GraphicsContext g, double w, double h) {
        PlotStyle s = style();
        g.setFill(s.background());
        g.fillRect(0, 0, w, h);
        List<SplitBarsViewModel.BlockBars> blocks = vm.overviewProperty().get();
        if (blocks.isEmpty()) {
            return;
        }
        g.setFill(s.text());
        g.setFont(s.title());
        Axes.text(g, "All blocks, in depth order: mean attention per split over all channels (bars 0 – 1), "
                + "H = normalised entropy", 12, 22, TextAlignment.LEFT, VPos.CENTER);
        int cols = columns();
        String selected = vm.session().blockProperty().get();
        for (int i = 0; i < blocks.size(); i++) {
            SplitBarsViewModel.BlockBars b = blocks.get(i);
            double x = 12 + (i % cols) * CELL_W;
            double y = 44 + (i / cols) * CELL_H;
            double cw = CELL_W - 10;
            double ch = CELL_H - 10;
            boolean isSelected = b.block().equals(selected);
            g.setStroke(isSelected ? s.accent() : s.grid());
            g.setLineWidth(isSelected ? 2 : 1);
            g.strokeRoundRect(Axes.snap(x), Axes.snap(y), cw, ch, 6, 6);
            g.setLineWidth(1);
            g.setFill(isSelected ? s.accent() : s.text());
            g.setFont(s.small());
            Axes.text(g, b.block(), x + 6, y + 5, TextAlignment.LEFT, VPos.TOP);
            g.setFill(s.muted());
            Axes.text(g, "H " + ColorBars.label(b.entropy(), 0.01), x + cw - 6, y + 5, TextAlignment.RIGHT, VPos.TOP);
            double top = y + 22;
            double bottom = y + ch - 6;
            double slot = (cw - 12) / b.means().length;
            for (int r = 0; r < b.means().length; r++) {
                double by = bottom - b.means()[r] * (bottom - top);
                g.setFill(PlotStyle.color(vm.splitColour(r, b.radix())));
                g.fillRect(x + 6 + r * slot + slot * 0.15, by, slot * 0.7, bottom - by);
            }
            g.setStroke(s.axis());
            g.strokeLine(x + 6, Axes.snap(bottom), x + cw - 6, Axes.snap(bottom));
            if (b.radix() >= 2) {
                double u = bottom - (bottom - top) / b.radix();
                g.setStroke(s.neutral());
                g.setLineDashes(2, 3);
                g.strokeLine(x + 6, Axes.snap(u), x + cw - 6, Axes.snap(u));
                g.setLineDashes();
            }
        }
    }

    private SplitBarsViewModel.BlockBars blockAt(double x, double y) {
        List<SplitBarsViewModel.BlockBars> blocks = vm.overviewProperty().get();
        int col = (int) ((x - 12) / CELL_W);
        int row = (int) ((y - 44) / CELL_H);
        if (x < 12 || y < 44 || col >= columns()) {
            return null;
        }
        int i = row * columns() + col;
        return i >= 0 && i < blocks.size() ? blocks.get(i) : null;
    }

    @Override
    public String exportName() {
        return "splitbars";
    }

    @Override
    public Node figure() {
        return figure;
    }
}
