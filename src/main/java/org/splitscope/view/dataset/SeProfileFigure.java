package org.splitscope.view.dataset;

import org.splitscope.figure.Drawing;
import org.splitscope.figure.TextBlock;
import org.splitscope.figure.Fonts;
import org.splitscope.figure.FigureStyle;
import org.splitscope.figure.Draw;
import org.splitscope.figure.Hit;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/**
 * SENet §7.2's two figures, drawn from a dataset run: one panel per block (the last of each stage,
 * every block of the last stage), channel index on x, mean excitation 0 – 1 on y. The profile figure
 * has a line per chosen class and a thick one for all images (Fig. 7); the std figure has, for two
 * classes, the mean with a band of ± the per-channel std over the class's images (Fig. 8).
 */
public final class SeProfileFigure {
    /** Hover target: channel {@code channel} (its index in the block) in panel {@code panel}. */
    public record Channel(int panel, int channel) {}

    private SeProfileFigure() {}

    /** @param std the mean ± std figure (the profile's first two classes) instead of the class lines */
    public static Drawing draw(SeProfile profile, boolean std, double width, FigureStyle st) {
        double p = st.pad();
        int lines = std ? Math.min(2, profile.names().size()) : profile.names().size();
        TextBlock title = TextBlock.of(std
                ? "Mean excitation ± std over each class's images, " + profile.channelWords() + " (SENet §7.2, Fig. 8)"
                : "Mean excitation per class and over all images, " + profile.channelWords() + " (SENet §7.2, Fig. 7)",
                st.title(), width - 2 * p);
        int n = profile.panels().size();
        int columns = Math.min(n, Math.max(2, Math.min(3, (int) (width / 150))));
        int rows = (n + columns - 1) / Math.max(columns, 1);
        double plotTop = Fonts.lineHeight(st.label()) * 1.3;
        double axisW = Fonts.width(st.small(), "0.0") + st.smallSize() * 0.9;
        double cellW = (width - p - axisW) / Math.max(columns, 1);
        double plotW = cellW - p;
        double plotH = Math.min(plotW * 0.7, st.labelSize() * 14);
        double cellH = plotTop + plotH + Fonts.lineHeight(st.small()) * 2.8;
        double top = title.height() + p * 1.5;
        Draw.Ticks ticks = Draw.ticks(0, 1, plotH, st.smallSize() * 3, false);
        List<Rectangle2D> plots = new ArrayList<>();
        List<Hit> hits = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double x = p + axisW + (i % columns) * cellW;
            double y = top + (i / columns) * cellH + plotTop;
            Rectangle2D area = new Rectangle2D.Double(x, y, plotW, plotH);
            plots.add(area);
            SeProfile.Panel panel = profile.panels().get(i);
            int at = i;
            hits.add(Hit.grid(area, panel.channels().length, 1, (col, row) -> new Channel(at, panel.channels()[col])));
        }
        List<String> names = new ArrayList<>();
        if (!std) {
            names.add("all images");
        }
        names.addAll(profile.names().subList(0, lines));
        if (std) {
            names.add("band: ± std");
        }
        double legendTop = PanelGrid.legendTop(top, rows, cellH, p);
        List<double[]> legend = PanelGrid.legend(names, st, width);
        double height = PanelGrid.height(legendTop, legend, st);
        return new Drawing(width, height, st, g -> {
            g.setColor(st.text());
            title.paint(g, p, p * 0.6);
            for (int i = 0; i < n; i++) {
                SeProfile.Panel s = profile.panels().get(i);
                Rectangle2D a = plots.get(i);
                PanelGrid.axes(g, st, ticks, i % columns == 0, a, 0, 1);
                g.setColor(st.text());
                g.setFont(st.label());
                Draw.text(g, s.block(), a.getX(), a.getY() - 3, Draw.H.LEFT, Draw.V.BOTTOM);
                g.setFont(st.small());
                g.setColor(st.muted());
                Draw.text(g, "0", a.getX(), a.getMaxY() + 2, Draw.H.LEFT, Draw.V.TOP);
                Draw.text(g, String.valueOf(s.blockChannels() - 1), a.getMaxX(), a.getMaxY() + 2, Draw.H.RIGHT,
                        Draw.V.TOP);
                String words = "channel index (" + s.channels().length + " of " + s.blockChannels() + ")";
                Draw.text(g, Fonts.width(st.small(), words) <= a.getWidth() * 0.7 ? words : "channel",
                        a.getCenterX(), a.getMaxY() + 2 + Fonts.lineHeight(st.small()), Draw.H.CENTER, Draw.V.TOP);
                for (int l = 0; l < lines; l++) {
                    Color c = ChannelProfileFigure.groupColour(l);
                    if (std) {
                        g.setColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 70));
                        g.fill(band(s.means().get(l), s.stds().get(l), s.channels(), s.blockChannels(), a));
                    }
                    g.setColor(c);
                    g.setStroke(new BasicStroke(st.line() * 1.6f));
                    g.draw(path(s.means().get(l), s.channels(), s.blockChannels(), a));
                }
                if (!std) {
                    g.setColor(st.text());
                    g.setStroke(new BasicStroke(st.line() * 3f));
                    g.draw(path(s.all(), s.channels(), s.blockChannels(), a));
                }
                g.setStroke(new BasicStroke(st.line()));
            }
            g.setFont(st.small());
            double sw = st.smallSize() * 1.6;
            for (int i = 0; i < names.size(); i++) {
                double[] at = legend.get(i);
                double y = legendTop + at[1] + Fonts.lineHeight(st.small()) / 2;
                boolean all = !std && i == 0;
                boolean bandEntry = std && i == names.size() - 1;
                Color c = all ? st.text() : bandEntry ? st.neutral() : ChannelProfileFigure.groupColour(std ? i : i - 1);
                if (bandEntry) {
                    g.setColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 90));
                    Draw.fill(g, g.getColor(), p + at[0], y - st.smallSize() * 0.35, sw, st.smallSize() * 0.7);
                } else {
                    g.setColor(c);
                    g.setStroke(new BasicStroke(st.line() * (all ? 3f : 1.6f)));
                    Draw.line(g, p + at[0], y, p + at[0] + sw, y);
                    g.setStroke(new BasicStroke(st.line()));
                }
                g.setColor(st.muted());
                Draw.text(g, names.get(i), p + at[0] + sw + 3, y, Draw.H.LEFT, Draw.V.CENTER);
            }
        }, hits);
    }

    private static double x(int channel, int channels, Rectangle2D a) {
        return a.getX() + (channel + 0.5) * a.getWidth() / channels;
    }

    private static double y(double v, Rectangle2D a) {
        return a.getMaxY() - Math.max(0, Math.min(v, 1)) * a.getHeight();
    }

    /** The values at their channels' places along the block's channel axis. */
    private static Path2D path(double[] values, int[] channels, int blockChannels, Rectangle2D a) {
        Path2D.Double path = new Path2D.Double();
        for (int i = 0; i < values.length; i++) {
            double x = x(channels[i], blockChannels, a);
            if (i == 0) {
                path.moveTo(x, y(values[i], a));
            } else {
                path.lineTo(x, y(values[i], a));
            }
        }
        return path;
    }

    /** mean ± std as a closed band, clipped to 0 – 1. */
    private static Path2D band(double[] mean, double[] std, int[] channels, int blockChannels, Rectangle2D a) {
        Path2D.Double path = new Path2D.Double();
        for (int i = 0; i < mean.length; i++) {
            double x = x(channels[i], blockChannels, a);
            if (i == 0) {
                path.moveTo(x, y(mean[i] + std[i], a));
            } else {
                path.lineTo(x, y(mean[i] + std[i], a));
            }
        }
        for (int i = mean.length - 1; i >= 0; i--) {
            path.lineTo(x(channels[i], blockChannels, a), y(mean[i] - std[i], a));
        }
        path.closePath();
        return path;
    }
}
