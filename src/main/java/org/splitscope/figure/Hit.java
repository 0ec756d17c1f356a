package org.splitscope.figure;

import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;

/**
 * A part of a figure that answers the mouse: one target over its whole area, or a grid of cells
 * (the pixels of a map) each with its own. Made by the layout that also paints, so a readout can
 * never point at something other than what is drawn there.
 */
public record Hit(Rectangle2D area, int columns, int rows, Cell cell) {

    @FunctionalInterface
    public interface Cell {
        Object at(int column, int row);
    }

    public static Hit of(Rectangle2D area, Object target) {
        return new Hit(area, 1, 1, (c, r) -> target);
    }

    public static Hit grid(Rectangle2D area, int columns, int rows, Cell cell) {
        return new Hit(area, columns, rows, cell);
    }

    public boolean contains(double x, double y) {
        return area.contains(x, y);
    }

    /** The target under (x, y), which must be inside. */
    public Object target(double x, double y) {
        int c = (int) Math.min(columns - 1, Math.max(0, (x - area.getX()) / area.getWidth() * columns));
        int r = (int) Math.min(rows - 1, Math.max(0, (y - area.getY()) / area.getHeight() * rows));
        return cell.at(c, r);
    }

    public Point2D centre(int column, int row) {
        return new Point2D.Double(area.getX() + (column + 0.5) * area.getWidth() / columns,
                area.getY() + (row + 0.5) * area.getHeight() / rows);
    }

    Hit moved(double dx, double dy) {
        return new Hit(new Rectangle2D.Double(area.getX() + dx, area.getY() + dy, area.getWidth(), area.getHeight()),
                columns, rows, cell);
    }
}
