package org.splitscope.figure;

import java.awt.BasicStroke;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.splitscope.analysis.DatasetStats;
import org.splitscope.render.Colormap;
import org.splitscope.render.Heatmaps;
import org.splitscope.render.Raster;
import org.splitscope.render.ValueRange;

/**
 * Dataset statistics: at one block, each group's share of attention per split (the mean over its
 * images and channels) against all images; and a groups × blocks map of the mean normalised entropy
 * of the groups' mean attention (1 = the splits share equally), to see where attention becomes
 * class-specific with depth.
 */
public final class DatasetFigure {
    public record Options(Colormap colormap, int block) {}

    /** Hover target: split r of a group (−1 for all images) at the chosen block. */
    public record Share(int group, int split) {}

    /** Hover target: a group's mean entropy at a block. */
    public record Entropy(int group, int block) {}

    private DatasetFigure() {}

    /** Mean attention of each split over the channels, for a group (or all images with group −1). */
    public static double[] shares(DatasetStats s, int group, int block) {
        DatasetStats.Block b = s.blocks().get(block);
        double[] mean = group < 0 ? s.allAttention(block).mean() : s.attention(group, block).mean();
        int per = b.cardinality() * b.groupChannels();
        double[] out = new double[b.radix()];
        for (int r = 0; r < b.radix(); r++) {
            for (int c = 0; c < per; c++) {
                out[r] += mean[r * per + c] / per;
            }
        }
        return out;
    }

    public static Drawing draw(DatasetStats s, Options o, double width, FigureStyle st) {
        return Drawing.column(st, List.of(shares(s, o, width, st), entropy(s, o, width, st)));
    }

    private static Drawing shares(DatasetStats s, Options o, double width, FigureStyle st) {
        double p = st.pad();
        DatasetStats.Block b = s.blocks().get(o.block());
        TextBlock title = TextBlock.of("Share of attention per split by group · " + b.name() + " (mean over each "
                + "group's images and channels)", st.title(), width - 2 * p);
        double row = Fonts.lineHeight(st.small()) * 1.5;
        double widest = Fonts.width(st.small(), "all images");
        for (String g : s.groups()) {
            widest = Math.max(widest, Fonts.width(st.small(), g + " (00000)"));
        }
        double labelW = Math.min(widest, width * 0.4);
        double left = p + labelW + p;
        double right = width - 2 * p;
        double top = title.height() + p * 1.5;
        List<Integer> rows = new ArrayList<>();
        rows.add(-1);
        for (int g = 0; g < s.groups().size(); g++) {
            if (s.count(g) > 0) {
                rows.add(g);
            }
        }
        TextBlock note = TextBlock.of("bars: split r = 0 … " + (b.radix() - 1) + " left to right, widths = mean a_r; "
                + "dashed: equal shares 1/R", st.small(), width - left - p);
        double height = top + rows.size() * row + p * 0.5 + note.height() + p;
        List<Hit> hits = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            double[] sh = shares(s, rows.get(i), o.block());
            double x = left;
            double total = 0;
            for (double v : sh) {
                total += v;
            }
            for (int r = 0; r < sh.length; r++) {
                double w = sh[r] / Math.max(total, 1e-12) * (right - left);
                hits.add(Hit.of(new Rectangle2D.Double(x, top + i * row, w, row * 0.8), new Share(rows.get(i), r)));
                x += w;
            }
        }
        return new Drawing(width, height, st, g -> {
            g.setColor(st.text());
            title.paint(g, p, p * 0.6);
            for (int i = 0; i < rows.size(); i++) {
                int group = rows.get(i);
                String label = group < 0 ? "all images" : s.groups().get(group) + " (" + s.count(group) + ")";
                g.setFont(st.small());
                g.setColor(group < 0 ? st.text() : st.muted());
                Draw.text(g, Draw.fit(label, st.small(), labelW), left - p, top + i * row + row * 0.4, Draw.H.RIGHT,
                        Draw.V.CENTER);
                int first = i * b.radix();
                for (int r = 0; r < b.radix(); r++) {
                    Rectangle2D a = hits.get(first + r).area();
                    Draw.fill(g, Draw.colour(SplitBarsFigure.splitColour(o.colormap(), r, b.radix())), a.getX(),
                            a.getY(), a.getWidth(), a.getHeight());
                }
            }
            if (b.radix() >= 2) {
                // where equal shares would put the boundaries
                g.setColor(st.neutral());
                g.setStroke(Draw.dashed(st, 2, 3));
                for (int r = 1; r < b.radix(); r++) {
                    double x = left + (right - left) * r / b.radix();
                    Draw.line(g, x, top - 2, x, top + rows.size() * row);
                }
                g.setStroke(new BasicStroke(st.line()));
            }
            g.setColor(st.muted());
            note.paint(g, left, top + rows.size() * row + p * 0.5);
        }, hits);
    }

    private static Drawing entropy(DatasetStats s, Options o, double width, FigureStyle st) {
        double p = st.pad();
        TextBlock title = TextBlock.of("Mean normalised entropy of each group's mean attention, per block (1 = "
                + "the splits share equally)", st.title(), width - 2 * p);
        List<Integer> groups = new ArrayList<>();
        for (int g = 0; g < s.groups().size(); g++) {
            if (s.count(g) > 0) {
                groups.add(g);
            }
        }
        int blocks = s.blocks().size();
        float[] grid = new float[groups.size() * blocks];
        for (int i = 0; i < groups.size(); i++) {
            for (int j = 0; j < blocks; j++) {
                grid[i * blocks + j] = (float) s.summary(groups.get(i), j)[0];
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
        List<Hit> hits = List.of(Hit.grid(area, blocks, groups.size(), (c, r) -> new Entropy(groups.get(r), c)));
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
                    "entropy");
        }, hits);
    }
}
