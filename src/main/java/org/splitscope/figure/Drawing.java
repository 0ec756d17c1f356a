package org.splitscope.figure;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/**
 * A laid-out figure: its size, how to paint it, and where its parts are. Every output (the window,
 * PNG, SVG, PDF, the {@code figure} command) paints the same Drawing.
 */
public record Drawing(double width, double height, FigureStyle style, Painter painter, List<Hit> hits) {

    @FunctionalInterface
    public interface Painter {
        void paint(Graphics2D g);
    }

    public Drawing {
        hits = List.copyOf(hits);
    }

    /** Background and figure, with the rendering settings every output shares. */
    public void paint(Graphics2D g) {
        Graphics2D c = (Graphics2D) g.create();
        try {
            Draw.prepare(c);
            c.setColor(style.background());
            c.fill(new Rectangle2D.Double(0, 0, width, height));
            painter.paint(c);
        } finally {
            restore(c, g);
            c.dispose();
        }
    }

    /**
     * Puts the parent's stroke and paint back through the child before it goes. FXGraphics2D's
     * copies share one canvas context: a dashed stroke left behind would dash the next part.
     */
    private static void restore(Graphics2D child, Graphics2D parent) {
        child.setStroke(new java.awt.BasicStroke(0.5f));
        child.setStroke(parent.getStroke());
        child.setPaint(parent.getPaint());
        child.setFont(parent.getFont());
    }

    /** What is under (x, y): the topmost hit's target, or null. */
    public Object hit(double x, double y) {
        for (int i = hits.size() - 1; i >= 0; i--) {
            if (hits.get(i).contains(x, y)) {
                return hits.get(i).target(x, y);
            }
        }
        return null;
    }

    /** A line of text where a figure will be (e.g. "Capturing the split maps of layer3.4…"). */
    public static Drawing note(String text, double width, FigureStyle style) {
        TextBlock block = TextBlock.of(text, style.label(), width - 2 * style.pad());
        return new Drawing(width, block.height() + 3 * style.pad(), style, g -> {
            g.setColor(style.muted());
            block.paint(g, style.pad(), style.pad() * 1.5);
        }, List.of());
    }

    /** Parts one below the other, each at its own height. */
    public static Drawing column(FigureStyle style, List<Drawing> parts) {
        double width = 0;
        double height = 0;
        List<Hit> hits = new ArrayList<>();
        double[] tops = new double[parts.size()];
        for (int i = 0; i < parts.size(); i++) {
            Drawing p = parts.get(i);
            tops[i] = height;
            width = Math.max(width, p.width());
            for (Hit h : p.hits()) {
                hits.add(h.moved(0, height));
            }
            height += p.height();
        }
        return new Drawing(width, height, style, g -> {
            for (int i = 0; i < parts.size(); i++) {
                Graphics2D c = (Graphics2D) g.create();
                try {
                    c.translate(0, tops[i]);
                    parts.get(i).painter().paint(c);
                } finally {
                    restore(c, g);
                    c.dispose();
                }
            }
        }, hits);
    }

    /** Parts side by side, top-aligned, each at its own width: two panels that would stack too tall. */
    public static Drawing row(FigureStyle style, List<Drawing> parts) {
        double width = 0;
        double height = 0;
        List<Hit> hits = new ArrayList<>();
        double[] lefts = new double[parts.size()];
        for (int i = 0; i < parts.size(); i++) {
            Drawing p = parts.get(i);
            lefts[i] = width;
            height = Math.max(height, p.height());
            for (Hit h : p.hits()) {
                hits.add(h.moved(width, 0));
            }
            width += p.width();
        }
        return new Drawing(width, height, style, g -> {
            for (int i = 0; i < parts.size(); i++) {
                Graphics2D c = (Graphics2D) g.create();
                try {
                    c.translate(lefts[i], 0);
                    parts.get(i).painter().paint(c);
                } finally {
                    restore(c, g);
                    c.dispose();
                }
            }
        }, hits);
    }

    /** This figure with a line of small text under it (model · image · block). */
    public Drawing withCaption(String caption) {
        if (caption == null || caption.isBlank()) {
            return this;
        }
        double line = Fonts.lineHeight(style.small());
        double pad = style.pad();
        List<String> lines = Draw.wrap(caption, style.small(), width - 2 * pad);
        double extra = lines.size() * line + pad;
        Painter figure = painter;
        return new Drawing(width, height + extra, style, g -> {
            figure.paint(g);
            g.setFont(style.small());
            g.setColor(style.muted());
            for (int i = 0; i < lines.size(); i++) {
                Draw.text(g, lines.get(i), pad, height + i * line, Draw.H.LEFT, Draw.V.TOP);
            }
        }, hits);
    }
}
