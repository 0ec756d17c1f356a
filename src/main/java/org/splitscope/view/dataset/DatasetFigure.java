package org.splitscope.view.dataset;

import org.splitscope.figure.Draw;
import org.splitscope.model.AttentionWords;
import org.splitscope.figure.Drawing;
import org.splitscope.figure.FigureStyle;
import org.splitscope.figure.Fonts;
import org.splitscope.figure.Hit;
import org.splitscope.figure.TextBlock;
import org.splitscope.view.splitbars.SplitBarsFigure;
import java.awt.BasicStroke;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.splitscope.render.Colormap;
import org.splitscope.render.Heatmaps;
import org.splitscope.render.Raster;
import org.splitscope.render.ValueRange;

/**
 * Dataset statistics (analyze's output): at one block, each chosen group's mean attention per split
 * with its spread, against all images; a groups × blocks map of entropy, dominance or split
 * preference, to see where attention becomes class-specific with depth; and SENet's per-channel
 * profile at the end of each stage ({@link ChannelProfileFigure}).
 */
public final class DatasetFigure {

    /** What the groups × blocks map shows, from the group's mean attention at each block. */
    public enum Metric {
        ENTROPY("entropy", "normalised entropy of the mean attention (1 = the splits share equally)"),
        /** Not "saturation": that is the Depth view's share of weights above 0.9 or below 0.1. */
        DOMINANCE("dominance", "dominance: the largest split weight, mean over channels (1 = one split takes all)"),
        PREFERENCE("preference", "share of the preferred split (mean over channels; hover for which split)");

        public final String id;
        final String description;

        Metric(String id, String description) {
            this.id = id;
            this.description = description;
        }

        /** The description with the block's rows named as they are: splits, or SK's paths. */
        public String description(AttentionWords w) {
            return w.sk() ? description.replace("splits", "paths").replace("split", "path") : description;
        }

        public static Metric parse(String s) {
            for (Metric m : values()) {
                if (m.id.equalsIgnoreCase(s.trim())) {
                    return m;
                }
            }
            if (s.trim().equalsIgnoreCase("saturation")) {
                throw new IllegalArgumentException("'saturation' is called dominance here (the mean largest split "
                        + "weight); saturation is the Depth view's share of weights above 0.9 or below 0.1");
            }
            throw new IllegalArgumentException("'" + s + "': entropy, dominance or preference");
        }

        /** The value drawn; with one split (a sigmoid gate) every metric is the mean gate. */
        public double of(double[] summary) {
            return switch (this) {
                case ENTROPY -> summary[0];
                case DOMINANCE -> summary[1];
                case PREFERENCE -> summary[3];
            };
        }
    }

    /**
     * @param block index of the block of the share panel
     * @param split the split whose weights the channel profiles follow
     * @param groups the groups in the share panel and the profiles (indices into the statistics)
     */
    public record Options(Colormap colormap, int block, Metric metric, int split, List<Integer> groups) {
        public Options {
            groups = List.copyOf(groups);
        }
    }

    /** Hover target: split r of a row of the share panel (group −1: all images). */
    public record Share(int group, int split) {}

    /** Hover target: a cell of the groups × blocks map. */
    public record Cell(int group, int block) {}

    private DatasetFigure() {}

    /** Up to {@code most} non-empty groups in order: the default choice. */
    public static List<Integer> firstGroups(DatasetStats s, int most) {
        List<Integer> out = new ArrayList<>();
        for (int g = 0; g < s.groups().size() && out.size() < most; g++) {
            if (s.count(g) > 0) {
                out.add(g);
            }
        }
        return out;
    }

    public static Drawing draw(DatasetStats s, Options o, double width, FigureStyle st) {
        return Drawing.column(st, List.of(
                shares(GroupShares.of(s, o.block(), o.groups()), s.blocks().get(o.block()).words(), o, width, st),
                map(s, o, width, st),
                ChannelProfileFigure.draw(ChannelProfiles.of(s, o.split(), o.groups()), width, st)));
    }

    static Drawing shares(GroupShares gs, AttentionWords words, Options o, double width, FigureStyle st) {
        double p = st.pad();
        int radix = gs.radix();
        TextBlock title = TextBlock.of((radix == 1 ? "Mean gate" : "Mean attention per " + words.unit()) + " by group · "
                + gs.block() + " (mean over each group's images and channels; whiskers ± the within-group std)",
                st.title(), width - 2 * p);
        double bar = st.smallSize() * 0.95;
        double rowH = radix * bar + st.smallSize() * 0.7;
        double widest = 0;
        for (GroupShares.Row row : gs.rows()) {
            widest = Math.max(widest, Fonts.width(st.small(), label(row)));
        }
        double labelW = Math.min(widest, width * 0.35);
        double left = p + labelW + p;
        double right = width - 2 * p;
        double top = title.height() + p * 1.5;
        double bottom = top + gs.rows().size() * rowH;
        double max = Math.min(1, Math.max(gs.max(), radix == 1 ? 0.1 : 1.0 / radix) * 1.08);
        Draw.Ticks ticks = Draw.ticks(0, max, right - left, st.smallSize() * 5, false);
        max = Math.max(max, ticks.values().get(ticks.values().size() - 1));
        double scale = (right - left) / max;
        TextBlock legend = TextBlock.of(radix == 1 ? (words.channelGate() ? "the bar is the sigmoid gate g(c)"
                : "one split: the bar is the sigmoid gate a(c)")
                : "dashed: equal shares " + words.neutralSymbol() + " = " + String.format(Locale.ROOT, "%.3g", 1.0 / radix), st.small(),
                right - left);
        double axisH = Fonts.lineHeight(st.small()) * 1.6;
        double swatchH = radix == 1 ? 0 : Fonts.lineHeight(st.small()) * 1.3;
        double height = bottom + axisH + swatchH + legend.height() + p * 1.5;
        List<Hit> hits = new ArrayList<>();
        for (int i = 0; i < gs.rows().size(); i++) {
            GroupShares.Row row = gs.rows().get(i);
            for (int r = 0; r < radix; r++) {
                double y = top + i * rowH + r * bar;
                double w = Math.max(row.mean()[r] * scale, 1);
                hits.add(Hit.of(new Rectangle2D.Double(left, y, Math.max(w, (row.mean()[r] + row.std()[r]) * scale),
                        bar), new Share(row.group(), r)));
            }
        }
        final double axisMax = max;
        return new Drawing(width, height, st, g -> {
            g.setColor(st.text());
            title.paint(g, p, p * 0.6);
            g.setFont(st.small());
            for (int t = 0; t < ticks.values().size(); t++) {
                double x = left + ticks.values().get(t) * scale;
                g.setColor(st.grid());
                Draw.line(g, x, top, x, bottom);
                g.setColor(st.muted());
                Draw.text(g, ticks.labels().get(t), x, bottom + 3, Draw.H.CENTER, Draw.V.TOP);
            }
            g.setColor(st.axis());
            Draw.line(g, left, top, left, bottom);
            Draw.line(g, left, bottom, left + axisMax * scale, bottom);
            for (int i = 0; i < gs.rows().size(); i++) {
                GroupShares.Row row = gs.rows().get(i);
                g.setColor(row.group() < 0 ? st.text() : st.muted());
                Draw.text(g, Draw.fit(label(row), st.small(), labelW), left - p * 0.6,
                        top + i * rowH + radix * bar / 2, Draw.H.RIGHT, Draw.V.CENTER);
                for (int r = 0; r < radix; r++) {
                    double y = top + i * rowH + r * bar;
                    double m = row.mean()[r] * scale;
                    Draw.fill(g, Draw.colour(SplitBarsFigure.splitColour(o.colormap(), r, radix)), left, y + bar * 0.1,
                            m, bar * 0.8);
                    double lo = Math.max(0, row.mean()[r] - row.std()[r]) * scale;
                    double hi = Math.min(axisMax, row.mean()[r] + row.std()[r]) * scale;
                    g.setColor(st.text());
                    Draw.line(g, left + lo, y + bar / 2, left + hi, y + bar / 2);
                    Draw.line(g, left + lo, y + bar * 0.25, left + lo, y + bar * 0.75);
                    Draw.line(g, left + hi, y + bar * 0.25, left + hi, y + bar * 0.75);
                }
            }
            if (radix >= 2) {
                g.setColor(st.neutral());
                g.setStroke(Draw.dashed(st, 2, 3));
                Draw.line(g, left + scale / radix, top - 2, left + scale / radix, bottom);
                g.setStroke(new BasicStroke(st.line()));
            }
            double x = left;
            for (int r = 0; r < radix && radix > 1; r++) {
                double sw = st.smallSize();
                Draw.fill(g, Draw.colour(SplitBarsFigure.splitColour(o.colormap(), r, radix)), x,
                        bottom + axisH + (swatchH - sw) / 2 - 1, sw, sw * 0.8);
                g.setColor(st.muted());
                String name = words.rowLabel(r);
                Draw.text(g, name, x + sw * 1.4, bottom + axisH + swatchH / 2 - 1, Draw.H.LEFT, Draw.V.CENTER);
                x += sw * 1.4 + Fonts.width(st.small(), name) + sw * 1.2;
            }
            g.setColor(st.muted());
            legend.paint(g, left, bottom + axisH + swatchH);
        }, hits);
    }

    private static String label(GroupShares.Row row) {
        return row.name() + " (" + row.images() + ")";
    }

    /**
     * A cell of the groups × blocks map: the metric, or for a sigmoid gate (R = 1) the mean gate whatever
     * the metric (its entropy is 0 by definition, its dominance and preference the mean gate itself).
     */
    static double cell(DatasetStats s, Metric metric, int group, int block) {
        double[] summary = s.summary(group, block);
        return s.blocks().get(block).radix() == 1 ? summary[3] : metric.of(summary);
    }

    static Drawing map(DatasetStats s, Options o, double width, FigureStyle st) {
        double p = st.pad();
        boolean gate = s.blocks().get(0).radix() == 1;
        AttentionWords words = s.blocks().get(0).words();
        TextBlock title = TextBlock.of(gate ? "Mean gate of each group per block (" + (words.channelGate()
                ? words.name() + ": one sigmoid gate per channel" : "one split: a sigmoid gate") + ", so "
                + "entropy, dominance and preference are not defined)"
                : "By group and block: " + o.metric().description(words), st.title(), width - 2 * p);
        List<Integer> groups = firstGroups(s, Integer.MAX_VALUE);
        int blocks = s.blocks().size();
        float[] grid = new float[groups.size() * blocks];
        for (int i = 0; i < groups.size(); i++) {
            for (int j = 0; j < blocks; j++) {
                grid[i * blocks + j] = (float) cell(s, o.metric(), groups.get(i), j);
            }
        }
        ValueRange range = ValueRange.of(grid);
        Raster raster = Heatmaps.rasterize(grid, blocks, groups.size(), o.colormap(), range);
        double widest = 0;
        for (int g : groups) {
            widest = Math.max(widest, Fonts.width(st.small(), s.groups().get(g)));
        }
        double labelW = Math.min(widest, width * 0.3);
        double left = p + labelW + p;
        double top = title.height() + p * 1.5;
        double barArea = st.smallSize() * 1.2 + Draw.colorBarWidth(st, range, st.labelSize() * 8) + p;
        double cellH = Math.max(st.smallSize() * 1.1, Math.min(st.labelSize() * 1.6, 240.0 / Math.max(1, groups.size())));
        double mapW = width - left - barArea - p;
        double mapH = cellH * groups.size();
        double height = top + Math.max(mapH, st.labelSize() * 8) + Fonts.lineHeight(st.small()) * 2 + p;
        Rectangle2D area = new Rectangle2D.Double(left, top, mapW, mapH);
        List<Hit> hits = List.of(Hit.grid(area, blocks, groups.size(), (c, r) -> new Cell(groups.get(r), c)));
        String barLabel = gate ? "gate" : o.metric().id;
        return new Drawing(width, height, st, g -> {
            g.setColor(st.text());
            title.paint(g, p, p * 0.6);
            Draw.raster(g, st, raster, area.getX(), area.getY(), area.getWidth(), area.getHeight());
            Draw.frame(g, st, st.axis(), area.getX(), area.getY(), area.getWidth(), area.getHeight());
            g.setFont(st.small());
            boolean labels = cellH >= st.smallSize();
            for (int i = 0; labels && i < groups.size(); i++) {
                g.setColor(st.muted());
                Draw.text(g, Draw.fit(s.groups().get(groups.get(i)), st.small(), labelW), left - p * 0.5,
                        top + (i + 0.5) * cellH, Draw.H.RIGHT, Draw.V.CENTER);
            }
            int step = Math.max(1, (int) Math.ceil(blocks / (mapW / (st.smallSize() * 5))));
            for (int j = 0; j < blocks; j += step) {
                g.setColor(st.muted());
                Draw.text(g, s.blocks().get(j).name(), left + (j + 0.5) * mapW / blocks, top + mapH + 2, Draw.H.CENTER,
                        Draw.V.TOP);
            }
            Draw.colorBar(g, st, o.colormap(), range, left + mapW + p, top, Math.max(mapH, st.labelSize() * 8),
                    barLabel);
        }, hits);
    }
}
