package org.splitscope.view.walkthrough;

import org.splitscope.view.Origin;
import org.splitscope.figure.FileFigure;
import org.splitscope.figure.Draw;
import org.splitscope.figure.Drawing;
import org.splitscope.figure.FigureStyle;
import org.splitscope.figure.Fonts;
import org.splitscope.figure.Hit;
import org.splitscope.figure.MathText;
import org.splitscope.figure.Provenance;
import org.splitscope.figure.TextBlock;
import org.splitscope.view.ViewSpec;
import org.splitscope.view.Views;
import org.splitscope.figure.ViewData;
import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.splitscope.render.Colormap;

/**
 * A split-attention block as the paper's equations, left to right (wrapping into rows): one box per
 * stage with its name, the live tensor's shape and a picture of it, the chosen channel c traced in
 * each; the current step highlighted, with its formula and one sentence below.
 */
public final class WalkthroughFigure {
    private WalkthroughFigure() {}

    public record Options(Colormap colormap, WalkthroughStep step) {}

    /** A channel c (0 … C−1) under the pointer in the GAP strip or the attention matrix: clicking picks it. */
    public record Channel(int channel) {}

    /** The box of each stage, in step order (the layout that paints and answers the mouse). */
    public record Layout(TextBlock title, List<Rectangle2D> boxes, List<Rectangle2D> pictures, Rectangle2D panel) {}

    public static Layout layout(Walkthrough w, double width, FigureStyle s) {
        return layout(w, width, 0, s);
    }

    /**
     * The boxes at {@code width}; with a {@code room} (presenter mode: the screen's height, 0 for none)
     * on a landscape screen the twelve stages wrap into two rows and the pictures shrink to what the
     * height leaves, so the whole figure fits the screen rather than scrolls.
     */
    public static Layout layout(Walkthrough w, double width, double room, FigureStyle s) {
        double pad = s.pad();
        int steps = WalkthroughStep.values().length;
        boolean fit = room > 0 && width > room;
        double gap = fit ? pad : 2 * pad;
        double minBox = 11 * s.labelSize();
        int perRow = fit ? (steps + 1) / 2
                : (int) Math.max(1, Math.floor((width - 2 * pad + gap) / (minBox + gap)));
        perRow = Math.min(perRow, steps);
        double box = (width - 2 * pad - (perRow - 1) * gap) / perRow;
        int nameLines = 1;
        for (WalkthroughStep step : WalkthroughStep.values()) {
            nameLines = Math.max(nameLines, nameLines(name(w, step), Fonts.bold(s.labelSize()), box - pad).size());
        }
        // name, shape and a space before the picture (less of it when fitting the screen)
        double text = nameLines * Fonts.lineHeight(s.label()) + (fit ? 1.4 : 2) * Fonts.lineHeight(s.small());
        double below = Fonts.lineHeight(s.small()) * (fit ? 1.25 : 1.5); // the numbers' line
        TextBlock title = TextBlock.of(String.format(Locale.ROOT,
                "%s in %s · %s = %d, K = %d, C = %d · channel c = %d", capital(w.attention().words().name()),
                w.block(), w.attention().words().sk() ? "M" : "R", w.radix(), w.cardinality(), w.channels(),
                w.channel()), s.title(), width - 2 * pad);
        double top = pad + title.height() + pad;
        int rows = (steps + perRow - 1) / perRow;
        double picture = box * 0.62;
        double rest = text + below + pad; // the box less its picture
        if (fit) {
            double panel = 0;
            for (WalkthroughStep step : WalkthroughStep.values()) {
                panel = Math.max(panel, panelHeight(w, step, width - 2 * pad, s));
            }
            double perRowRoom = (room - top - panel - pad) / rows - gap;
            // as tall as the screen leaves, not below three lines of text (the canvas then scales a little)
            picture = Math.max(3 * s.smallSize(), Math.min(picture, perRowRoom - rest));
        }
        double height = pad + text + picture + below + pad;
        List<Rectangle2D> boxes = new ArrayList<>();
        List<Rectangle2D> pictures = new ArrayList<>();
        for (int i = 0; i < steps; i++) {
            double x = pad + (i % perRow) * (box + gap);
            double y = top + (i / perRow) * (height + gap);
            boxes.add(new Rectangle2D.Double(x, y, box, height));
            pictures.add(new Rectangle2D.Double(x + pad / 2, y + pad / 2 + text, box - pad, picture));
        }
        double panelTop = top + rows * (height + gap);
        return new Layout(title, boxes, pictures, new Rectangle2D.Double(pad, panelTop, width - 2 * pad, 0));
    }

    private static String name(Walkthrough w, WalkthroughStep step) {
        return (step.ordinal() + 1) + " " + step.title(w.attention().words());
    }

    /** A stage's name in lines that fit {@code room}, broken at spaces (one word alone is never broken). */
    static List<String> nameLines(String name, java.awt.Font font, double room) {
        List<String> lines = new ArrayList<>();
        String line = "";
        for (String word : name.split(" ")) {
            String longer = line.isEmpty() ? word : line + " " + word;
            if (!line.isEmpty() && MathText.width(font, longer) > room) {
                lines.add(line);
                line = word;
            } else {
                line = longer;
            }
        }
        lines.add(line);
        return lines;
    }

    /** The formula font at the panel's width: smaller in a narrow column, never cut. */
    private static java.awt.Font formulaFont(Walkthrough w, WalkthroughStep step, double inner, FigureStyle s) {
        java.awt.Font formula = Fonts.regular(s.titleSize() * 1.15f);
        double formulaWidth = MathText.width(formula, step.formula(w.attention().words()));
        return formulaWidth > inner ? Fonts.regular((float) (formula.getSize2D() * inner / formulaWidth)) : formula;
    }

    private static double panelHeight(Walkthrough w, WalkthroughStep step, double inner, FigureStyle s) {
        double pad = s.pad();
        return Fonts.lineHeight(s.title()) + pad / 2 + Fonts.lineHeight(formulaFont(w, step, inner, s)) * 1.3
                + pad / 2 + TextBlock.of(step.sentence(w.attention().words(), w.cardinality()), s.label(), inner).height()
                + pad / 2 + TextBlock.of(trace(w), s.label(), inner).height();
    }

    public static Drawing draw(Walkthrough w, Options o, double width, FigureStyle s) {
        return draw(w, o, width, 0, s);
    }

    /** The figure; with a {@code room} (presenter mode) laid out to fit that height (see {@link #layout}). */
    public static Drawing draw(Walkthrough w, Options o, double width, double room, FigureStyle s) {
        Layout l = layout(w, width, room, s);
        WalkthroughStep step = o.step();
        double pad = s.pad();
        double inner = l.panel().getWidth();
        java.awt.Font formulaFont = formulaFont(w, step, inner, s);
        TextBlock sentence = TextBlock.of(step.sentence(w.attention().words(), w.cardinality()), s.label(), inner);
        TextBlock trace = TextBlock.of(trace(w), s.label(), inner);
        double height = l.panel().getY() + panelHeight(w, step, inner, s) + pad;
        List<Hit> hits = new ArrayList<>();
        WalkthroughStep[] steps = WalkthroughStep.values();
        for (int i = 0; i < steps.length; i++) {
            hits.add(Hit.of(l.boxes().get(i), steps[i]));
        }
        hits.addAll(WalkthroughPictures.channelHits(w, l));
        return new Drawing(width, height, s, g -> {
            g.setColor(s.text());
            l.title().paint(g, pad, pad);
            for (int i = 0; i < steps.length; i++) {
                stage(g, w, o, steps[i], l.boxes().get(i), l.pictures().get(i), s);
                if (i + 1 < steps.length && l.boxes().get(i + 1).getY() == l.boxes().get(i).getY()) {
                    arrow(g, s, l.boxes().get(i), l.boxes().get(i + 1));
                }
            }
            double y = l.panel().getY();
            double x = l.panel().getX();
            g.setFont(s.title());
            g.setColor(s.text());
            Draw.text(g, String.format(Locale.ROOT, "Step %d of %d · %s", step.ordinal() + 1, steps.length,
                    step.title(w.attention().words())), x, y, Draw.H.LEFT, Draw.V.TOP);
            y += Fonts.lineHeight(s.title()) + pad / 2;
            g.setFont(formulaFont);
            g.setColor(s.accent());
            MathText.paint(g, step.formula(w.attention().words()), x, y + Fonts.metrics(formulaFont).getAscent());
            y += Fonts.lineHeight(formulaFont) * 1.3 + pad / 2;
            g.setColor(s.text());
            sentence.paint(g, x, y);
            y += sentence.height() + pad / 2;
            g.setColor(s.muted());
            trace.paint(g, x, y);
        }, hits);
    }

    /** One line with every number of the chosen channel, from s_c to its V channel. */
    static String trace(Walkthrough w) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                "Channel c = %d (group k = %d, j = %d): s(c) = %.4f · logits", w.channel(), w.group(), w.inGroup(),
                w.gapValue()));
        for (int r = 0; r < w.radix(); r++) {
            line.append(String.format(Locale.ROOT, " l%s = %.4f", sub(r), w.logits()[r]));
        }
        boolean gate = w.attention().words().channelGate();
        line.append(gate ? " · gate" : " · weights");
        for (int r = 0; r < w.radix(); r++) {
            line.append(String.format(Locale.ROOT, gate ? " g = %2$.4f" : " a%s = %.4f", sub(r), w.weights()[r]));
        }
        line.append(String.format(Locale.ROOT, " · %s(c) mean %.4f", w.attention().words().outputSymbol(),
                WalkthroughPictures.mean(w.fusedChannel())));
        return line.toString();
    }

    /** r as subscript digits (₀ ₁ …), which the bundled font has. */
    static String sub(int r) {
        StringBuilder out = new StringBuilder();
        for (char ch : Integer.toString(r).toCharArray()) {
            out.append((char) ('₀' + (ch - '0')));
        }
        return out.toString();
    }

    private static void stage(Graphics2D g, Walkthrough w, Options o, WalkthroughStep step, Rectangle2D box,
            Rectangle2D picture, FigureStyle s) {
        boolean current = step == o.step();
        double pad = s.pad();
        if (current) {
            g.setColor(new java.awt.Color(s.accent().getRed(), s.accent().getGreen(), s.accent().getBlue(), 28));
            g.fill(box);
        }
        g.setColor(current ? s.accent() : s.grid());
        g.setStroke(new BasicStroke(current ? 2.5f * s.line() : s.line()));
        g.draw(box);
        double x = box.getX() + pad / 2;
        double y = box.getY() + pad / 2;
        double room = box.getWidth() - pad;
        g.setColor(current ? s.accent() : s.text());
        g.setFont(current ? Fonts.bold(s.labelSize()) : s.label());
        // the name wraps at spaces in a narrow box (as laid out: the box's text has room for its lines)
        List<String> lines = nameLines(name(w, step), Fonts.bold(s.labelSize()), room);
        for (String line : lines) {
            if (MathText.width(g.getFont(), line) <= room) {
                MathText.paint(g, line, x, y + Fonts.metrics(g.getFont()).getAscent());
            } else {
                Draw.text(g, Draw.fit(line, g.getFont(), room), x, y, Draw.H.LEFT, Draw.V.TOP);
            }
            y += Fonts.lineHeight(s.label());
        }
        g.setFont(s.small());
        g.setColor(s.muted());
        Draw.text(g, Draw.fit(WalkthroughPictures.shape(w, step), s.small(), room), x, y, Draw.H.LEFT, Draw.V.TOP);
        WalkthroughPictures.paint(g, w, o.colormap(), step, picture, s);
        g.setFont(s.small());
        g.setColor(s.text());
        Draw.text(g, Draw.fit(WalkthroughPictures.numbers(w, step), s.small(), room), x,
                picture.getMaxY() + pad / 2, Draw.H.LEFT, Draw.V.TOP);
    }

    /** What the file records: the block, the step and the channel followed. */
    public static Provenance provenance(Walkthrough w, Options o, String model, String modelSha256, String image,
            String imageSha256) {
        return new Provenance(Views.WALKTHROUGH.id(), model, modelSha256, image, imageSha256, w.block(),
                "c = " + w.channel() + " (k = " + w.group() + ")", "step " + (o.step().ordinal() + 1) + " "
                        + o.step().id(), o.colormap().displayName(), null);
    }

    /** The chosen channel's numbers, one row per split r. */
    public static ViewData data(Walkthrough w) {
        List<List<Object>> rows = new ArrayList<>();
        for (Walkthrough.Index i : w.layout()) {
            rows.add(List.of(w.block(), w.channel(), w.group(), i.split(), w.gapValue(), w.logits()[i.split()],
                    w.weights()[i.split()], i.logit(), i.attention(), i.splitChannel(),
                    WalkthroughPictures.mean(w.fusedChannel())));
        }
        return new ViewData(List.of("block", "channel", "group", "split", "gap", "logit", "attention", "fc2_index",
                "attention_index", "conv_channel", "fused_mean"), rows);
    }

    private static void arrow(Graphics2D g, FigureStyle s, Rectangle2D from, Rectangle2D to) {
        double y = from.getCenterY();
        double x0 = from.getMaxX() + 1;
        double x1 = to.getX() - 1;
        double head = Math.min(4 * s.line() + 2, (x1 - x0) / 2);
        g.setColor(s.muted());
        g.setStroke(new BasicStroke(s.line()));
        g.draw(new Line2D.Double(x0, y, x1 - head, y));
        Path2D tip = new Path2D.Double();
        tip.moveTo(x1, y);
        tip.lineTo(x1 - head, y - head / 2);
        tip.lineTo(x1 - head, y + head / 2);
        tip.closePath();
        g.fill(tip);
    }

    /** "Squeeze-excitation" from "squeeze-excitation". */
    private static String capital(String words) {
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** The walkthrough for a file: the window's export and {@code figure --view walkthrough} alike. */
    public static FileFigure file(Walkthrough w, Options o, Origin origin) {
        return FileFigure.of(() -> provenance(w, o, origin.model().name(), origin.model().sha256(), origin.image(),
                origin.imageSha256().get()).withIntervention(origin.forced()),
                (width, style) -> draw(w, o, width, style), () -> data(w));
    }
}
