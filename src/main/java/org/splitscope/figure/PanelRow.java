package org.splitscope.figure;

import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.splitscope.render.Colormap;
import org.splitscope.render.Raster;
import org.splitscope.render.ValueRange;

/**
 * A titled row of square image panels, each named above and optionally annotated below, with one
 * colour bar at the right and a note underneath: the split contribution maps of the heatmap view and
 * the input and class activation map of the Grad-CAM view are laid out by this one code. Panels that
 * would be too small in one row (R = 4 in a paper column) wrap onto further rows.
 */
public final class PanelRow {
    /**
     * @param footer small text under the panel, or null: its parts (split at " · ") stacked when the
     *     line is wider than the panel
     * @param raster the panel's image at a given side in device pixels (made once the layout knows it)
     * @param cell hover target of each of {@code columns × rows} cells, or null for none
     */
    public record Panel(String label, String footer, IntFunction<Raster> raster, int columns, int rows, Hit.Cell cell) {}

    /** The colour scale beside the panels. */
    public record Bar(Colormap colormap, ValueRange range, String label) {}

    private PanelRow() {}

    /** Just the title and a line of text where the panels will be (e.g. while the split maps are captured). */
    public static Drawing pending(String title, String status, double width, FigureStyle s) {
        double p = s.pad();
        TextBlock t = TextBlock.of(title, s.title(), width - 2 * p);
        double titleH = t.height() + p;
        return new Drawing(width, titleH + Fonts.lineHeight(s.label()) * 2 + p, s, g -> {
            g.setColor(s.text());
            t.paint(g, p, p * 0.6);
            g.setColor(s.muted());
            g.setFont(s.label());
            Draw.text(g, status == null ? "" : status, p, titleH + p, Draw.H.LEFT, Draw.V.TOP);
        }, List.of());
    }

    /** @param maxPanel the largest side of a panel */
    public static Drawing draw(String titleText, List<Panel> panels, Bar bar, String note, double maxPanel, double width,
            FigureStyle s) {
        double p = s.pad();
        TextBlock title = TextBlock.of(titleText, s.title(), width - 2 * p);
        double titleH = title.height() + p;
        int n = panels.size();
        double labelH = Fonts.lineHeight(s.label()) * 1.2;
        double top = titleH + labelH;
        double gap = p * 1.5;
        double left = p * 2;
        // Room for the colour bar at the smallest sensible height, then panels as large as fit.
        double barArea = s.smallSize() * 1.2 + Draw.colorBarWidth(s, bar.range(), s.labelSize() * 10) + gap;
        double room = width - left - p - barArea;
        int perRow = n;
        while (perRow > 1 && (room - (perRow - 1) * gap) / perRow < s.labelSize() * 6) {
            perRow--;
        }
        int rowCount = (n + perRow - 1) / perRow;
        double size = Math.max(s.labelSize() * 5, Math.min(maxPanel, (room - (perRow - 1) * gap) / perRow));
        int pixels = (int) Math.max(32, Math.min(1024, Math.round(size * s.rasterScale())));
        double textWidth = size + gap * 0.8;
        List<List<String>> footers = new ArrayList<>();
        int footerLines = 0;
        for (Panel panel : panels) {
            List<String> lines = panel.footer() == null ? List.of()
                    : Fonts.width(s.small(), panel.footer()) <= textWidth ? List.of(panel.footer())
                    : List.of(panel.footer().split(" · "));
            footers.add(lines);
            footerLines = Math.max(footerLines, lines.size());
        }
        double footerH = footerLines == 0 ? 0 : (footerLines + 0.2) * Fonts.lineHeight(s.small());
        double rowStep = size + footerH + labelH + p * 0.5; // top of one row of panels to the next
        List<Rectangle2D> areas = new ArrayList<>();
        List<Raster> rasters = new ArrayList<>();
        List<Hit> hits = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Panel panel = panels.get(i);
            Rectangle2D area = new Rectangle2D.Double(left + (i % perRow) * (size + gap), top + (i / perRow) * rowStep,
                    size, size);
            areas.add(area);
            rasters.add(panel.raster().apply(pixels));
            if (panel.cell() != null) {
                hits.add(Hit.grid(area, panel.columns(), panel.rows(), panel.cell()));
            }
        }
        double barX = left + perRow * (size + gap) - gap + p * 1.5;
        // below the footers, and below the colour bar's lowest tick label, which hangs half a line under it
        double noteY = top + (rowCount - 1) * rowStep + size
                + Math.max(footerH + p * 0.5, Fonts.lineHeight(s.small()) * 0.6 + p * 0.25);
        List<String> noteLines = Draw.wrap(note, s.small(), width - left - p);
        double height = noteY + noteLines.size() * Fonts.lineHeight(s.small()) + p;
        return new Drawing(width, height, s, g -> {
            g.setColor(s.text());
            title.paint(g, p, p * 0.6);
            for (int i = 0; i < n; i++) {
                Rectangle2D a = areas.get(i);
                double x = a.getX();
                double y = a.getY();
                g.setColor(s.text());
                g.setFont(s.label());
                Draw.text(g, Draw.fit(panels.get(i).label(), s.label(), textWidth), x + size / 2, y - labelH * 0.2,
                        Draw.H.CENTER, Draw.V.BOTTOM);
                Draw.raster(g, s, rasters.get(i), x, y, size, size);
                Draw.frame(g, s, s.axis(), x, y, size, size);
                g.setColor(s.muted());
                g.setFont(s.small());
                List<String> lines = footers.get(i);
                for (int l = 0; l < lines.size(); l++) {
                    Draw.text(g, Draw.fit(lines.get(l), s.small(), textWidth), x + size / 2,
                            y + size + p * 0.3 + l * Fonts.lineHeight(s.small()), Draw.H.CENTER, Draw.V.TOP);
                }
            }
            g.setColor(s.muted());
            g.setFont(s.small());
            for (int i = 0; i < noteLines.size(); i++) {
                Draw.text(g, noteLines.get(i), left, noteY + i * Fonts.lineHeight(s.small()), Draw.H.LEFT, Draw.V.TOP);
            }
            Draw.colorBar(g, s, bar.colormap(), bar.range(), barX, top, size, bar.label());
        }, hits);
    }
}
