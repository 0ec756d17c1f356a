package org.splitscope.view.knockout;

import org.splitscope.figure.FileFigure;
import org.splitscope.figure.ViewData;
import org.splitscope.figure.Draw;
import org.splitscope.figure.Drawing;
import org.splitscope.figure.FigureStyle;
import org.splitscope.figure.Fonts;
import org.splitscope.figure.Hit;
import org.splitscope.figure.Provenance;
import org.splitscope.figure.TextBlock;
import java.awt.BasicStroke;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.splitscope.render.Colormap;

/**
 * A knock-out sweep: per split-attention block in depth order, the mean change when that block
 * alone is intervened — of the target class's logit, of its probability and, with labels, of top-1
 * accuracy — one bar chart each, with the stage boundaries marked.
 */
public final class KnockoutFigure {
    public record Options(Colormap colormap) {}

    /** What a chart shows. */
    public enum Measure {
        LOGIT("Δ logit"), PROBABILITY("Δ probability"), TOP1("Δ top-1 accuracy");

        private final String label;

        Measure(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** The measure's value for one block; null where it is not known (top-1 without labels). */
        public Double of(KnockoutResult.Effect e) {
            return switch (this) {
                case LOGIT -> e.deltaLogit();
                case PROBABILITY -> e.deltaProbability();
                case TOP1 -> e.deltaTop1();
            };
        }
    }

    /** Hover target: one block's bar in one chart. */
    public record Bar(int block, Measure measure) {}

    private KnockoutFigure() {}

    /** The charts there are numbers for: top-1 only with labels. */
    public static List<Measure> measures(KnockoutResult k) {
        return k.labelled() > 0 ? List.of(Measure.values()) : List.of(Measure.LOGIT, Measure.PROBABILITY);
    }

    /** A fall is drawn in the colormap's low colour, a rise in its high one. */
    public static int barColour(Colormap colormap, double value) {
        return colormap.argb(value < 0 ? 0.15 : 0.85);
    }

    /**
     * The caption names what the sweep ran over as knockout.json records it ("fashion-mnist (30 images)"); a
     * file from before it was recorded gives the count alone, never the name of the folder the result is in.
     */
    public static Provenance provenance(KnockoutResult k, Colormap colormap) {
        String images = k.images() + (k.images() == 1 ? " image" : " images");
        return new Provenance("knockout", k.model(), k.modelSha256(),
                k.input() == null ? images : k.input() + " (" + images + ")", null, "every block (" + k.mode() + ")",
                null, null, colormap.displayName(), null);
    }

    public static Drawing draw(KnockoutResult k, Options o, double width, FigureStyle s) {
        List<Drawing> parts = new ArrayList<>();
        parts.add(header(k, width, s));
        for (Measure m : measures(k)) {
            parts.add(chart(k, m, o, width, s));
        }
        return Drawing.column(s, parts);
    }

    /**
     * What was knocked out, in the mechanism's words where knockout.json names one for every block: "each
     * block's squeeze-excitation gate (uniform: gate 1)", "each block's SK paths 3×3, 3×3 dilation 2
     * (uniform: each 1/M)", "each split-attention block (uniform: each split 1/R)"; "each attention block
     * (MODE)" for a mix or a file from before the mechanism was recorded.
     */
    public static String subject(KnockoutResult k) {
        java.util.Set<String> kinds = new java.util.HashSet<>();
        for (KnockoutResult.Effect e : k.blocks()) {
            kinds.add(e.mechanism() == null ? "?" : e.mechanism().mechanism() + " " + e.mechanism().pathWords());
        }
        org.splitscope.capture.BlockMechanism m = k.blocks().get(0).mechanism();
        boolean uniform = k.mode().equals("uniform");
        if (kinds.size() != 1 || m == null) {
            return "each attention block (" + k.mode() + ")";
        }
        return switch (m.mechanism()) {
            case SE, ECA -> "each block's " + m.mechanism().words() + " gate (" + (uniform ? "uniform: gate 1" : k.mode())
                    + ")";
            case SK -> "each block's SK paths " + m.pathWords() + " (" + (uniform ? "uniform: each 1/M" : k.mode()) + ")";
            case SPLAT -> "each split-attention block (" + (uniform && !m.gate().equals(
                    org.splitscope.capture.BlockMechanism.SIGMOID) ? "uniform: each split 1/R" : k.mode()) + ")";
            default -> "each attention block (" + k.mode() + ")";
        };
    }

    private static Drawing header(KnockoutResult k, double width, FigureStyle s) {
        double p = s.pad();
        TextBlock title = TextBlock.of("Knock-out of " + subject(k) + ", one at a time: mean change over " + k.images() + (k.images() == 1 ? " image" : " images") + ", for the " + k.target(), s.title(), width - 2 * p);
        return new Drawing(width, title.height() + p, s, g -> {
            g.setColor(s.text());
            title.paint(g, p, p * 0.6);
        }, List.of());
    }

    private static Drawing chart(KnockoutResult k, Measure m, Options o, double width, FigureStyle s) {
        double p = s.pad();
        List<KnockoutResult.Effect> blocks = k.blocks();
        double min = 0;
        double max = 0;
        for (KnockoutResult.Effect e : blocks) {
            min = Math.min(min, m.of(e));
            max = Math.max(max, m.of(e));
        }
        if (max - min < 1e-12) { // no change anywhere: an axis around zero still reads
            min = -1;
            max = 1;
        }
        double stageLine = Fonts.lineHeight(s.small());
        double top = p * 0.8 + Fonts.lineHeight(s.label()) + stageLine;
        double plotH = Math.max(s.labelSize() * 7, 110);
        Draw.Ticks ticks = Draw.ticks(min, max, plotH, s.smallSize() * 3.2, false);
        min = Math.min(min, ticks.values().get(0));
        max = Math.max(max, ticks.values().get(ticks.values().size() - 1));
        double axisLabel = Fonts.lineHeight(s.label());
        double left = p + axisLabel + ticks.widest(s.small()) + s.smallSize();
        double right = width - p;
        double slot = (right - left) / blocks.size();
        double bottom = top + plotH;
        double height = bottom + Fonts.lineHeight(s.small()) * 1.4 + p;
        double lo = min;
        double hi = max;
        java.util.function.DoubleUnaryOperator y = v -> bottom - (v - lo) / (hi - lo) * plotH;
        List<Hit> hits = new ArrayList<>();
        for (int b = 0; b < blocks.size(); b++) {
            hits.add(Hit.of(new Rectangle2D.Double(left + b * slot, top, slot, plotH), new Bar(b, m)));
        }
        double yMin = min;
        double yMax = max;
        return new Drawing(width, height, s, g -> {
            g.setColor(s.text());
            g.setFont(s.label());
            Draw.text(g, m.label() + (m == Measure.TOP1 ? " (of " + k.labelled() + " labelled images)" : ""), left,
                    p * 0.5, Draw.H.LEFT, Draw.V.TOP);
            Draw.valueAxis(g, s, ticks, left, top, bottom, right, yMin, yMax, m.label(), p + axisLabel * 0.5);
            double zero = y.applyAsDouble(0);
            for (int b = 0; b < blocks.size(); b++) {
                double v = m.of(blocks.get(b));
                double y0 = Math.min(zero, y.applyAsDouble(v));
                double h = Math.abs(y.applyAsDouble(v) - zero);
                Draw.fill(g, Draw.colour(barColour(o.colormap(), v)), left + b * slot + slot * 0.15, y0, slot * 0.7, h);
            }
            g.setColor(s.axis());
            g.setStroke(new BasicStroke(s.line()));
            Draw.line(g, left, zero, right, zero);
            stages(g, s, blocks, left, slot, top, bottom, stageLine);
            blockLabels(g, s, blocks, left, slot, bottom);
        }, hits);
    }

    /** Dashed lines where a stage begins, the stage's name over its blocks. */
    private static void stages(java.awt.Graphics2D g, FigureStyle s, List<KnockoutResult.Effect> blocks, double left,
            double slot, double top, double bottom, double stageLine) {
        int first = 0;
        g.setFont(s.small());
        for (int b = 1; b <= blocks.size(); b++) {
            if (b < blocks.size() && blocks.get(b).stage() == blocks.get(first).stage()) {
                continue;
            }
            double span = (b - first) * slot;
            g.setColor(s.muted());
            Draw.text(g, Draw.fit("layer" + blocks.get(first).stage(), s.small(), span), left + (first + b) * slot / 2,
                    top - stageLine * 0.2, Draw.H.CENTER, Draw.V.BOTTOM);
            if (b < blocks.size()) {
                g.setColor(s.neutral());
                g.setStroke(Draw.dashed(s, 2, 3));
                Draw.line(g, left + b * slot, top - stageLine * 0.1, left + b * slot, bottom);
                g.setStroke(new BasicStroke(s.line()));
            }
            first = b;
        }
    }

    /** The block's index within its stage (.0, .1 …) where there is room; every block where not all fit. */
    private static void blockLabels(java.awt.Graphics2D g, FigureStyle s, List<KnockoutResult.Effect> blocks,
            double left, double slot, double bottom) {
        g.setFont(s.small());
        g.setColor(s.muted());
        int step = Math.max(1, (int) Math.ceil(Fonts.width(s.small(), ".00") * 1.3 / slot));
        for (int b = 0; b < blocks.size(); b += step) {
            String name = blocks.get(b).block();
            Draw.text(g, name.indexOf('.') < 0 ? name : name.substring(name.indexOf('.')), left + (b + 0.5) * slot, bottom + 2, Draw.H.CENTER,
                    Draw.V.TOP);
        }
    }

    /** A hover line for a bar. */
    public static String describe(KnockoutResult k, Bar bar) {
        KnockoutResult.Effect e = k.blocks().get(bar.block());
        return String.format(Locale.ROOT, "%s knocked out (%s): %s %+.4g", e.block(), k.mode(), bar.measure().label(),
                bar.measure().of(e));
    }

    /** The sweep's numbers: one row per block knocked out. */
    public static ViewData data(KnockoutResult k) {
        List<List<Object>> rows = new ArrayList<>();
        for (KnockoutResult.Effect e : k.blocks()) {
            rows.add(java.util.Arrays.asList(e.block(), e.stage(), e.deltaLogit(), e.deltaProbability(),
                    e.deltaTop1(), e.top1Changed(), e.mechanism() == null ? null : e.mechanism().mechanism().key(),
                    e.mechanism() == null ? null : e.mechanism().pathWords()));
        }
        // mechanism (splat, se, eca, sk) and SK's paths as capture.json names them; empty from an old knockout.json
        return new ViewData(List.of("block", "stage", "delta_logit", "delta_probability", "delta_top1",
                "top1_changed", "mechanism", "paths"), rows);
    }

    /** The sweep for a file: the window's export and {@code figure --view knockout} alike. */
    public static FileFigure file(KnockoutResult k, Colormap colormap) {
        return FileFigure.of(() -> provenance(k, colormap),
                (width, style) -> draw(k, new Options(colormap), width, style), () -> data(k));
    }
}
