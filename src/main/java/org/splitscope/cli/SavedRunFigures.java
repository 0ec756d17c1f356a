package org.splitscope.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.splitscope.SplitScopeException;
import org.splitscope.view.dataset.AnalysisRun;
import org.splitscope.view.dataset.DatasetFigures;
import org.splitscope.view.dataset.DatasetFigure;
import org.splitscope.figure.Drawing;
import org.splitscope.figure.FigureFiles;
import org.splitscope.figure.FigureFormat;
import org.splitscope.view.image.FigureRequest;
import org.splitscope.figure.FigureSize;
import org.splitscope.figure.FigureStyle;
import org.splitscope.view.knockout.KnockoutFigure;
import org.splitscope.view.knockout.KnockoutResult;
import org.splitscope.io.Printable;

/** {@code figure} views drawn from a saved run (analyze's statistics, a knock-out sweep): no model is run. */
final class SavedRunFigures {
    private SavedRunFigures() {}

    /** The dataset view: drawn from analyze's stats.npz/stats.json, no model run. */
    static int dataset(Path stats, String metric, List<String> groups, FigureRequest request, FigureSize size,
            FigureFormat format, FigureStyle style, boolean caption, Path file)
            throws SplitScopeException {
        if (stats == null) {
            throw new SplitScopeException("--view dataset needs --stats DIR (an analyze output folder)");
        }
        AnalysisRun run = AnalysisRun.read(stats);
        DatasetFigures figure;
        Drawing d;
        org.splitscope.figure.Provenance provenance;
        try {
            figure = new DatasetFigures(request.block(), DatasetFigure.Metric.parse(metric), request.split(), groups,
                    request.colormap());
            d = figure.draw(run, size.widthPt(), style);
            provenance = figure.provenance(run, stats.toAbsolutePath().getFileName().toString());
        } catch (IllegalArgumentException e) {
            throw new SplitScopeException(stats + ": " + e.getMessage());
        }
        if (caption) {
            d = d.withCaption(provenance.caption());
        }
        try {
            FigureFiles.write(file, format, d, size, provenance);
        } catch (IOException e) {
            throw new SplitScopeException(file + ": cannot write the figure (" + e.getMessage() + ")", e);
        }
        System.out.printf(Locale.ROOT, "%s: dataset of %s at %s, %.2f × %.2f in%n", Printable.clean(file.toString()),
                Printable.clean(stats.toString()), provenance.block(), d.width() / 72, d.height() / 72);
        return 0;
    }

    /** The knockout view: drawn from knockout's knockout.json, no model run. */
    static int knockout(Path knockout, FigureRequest request, FigureSize size, FigureFormat format, FigureStyle style,
            boolean caption, Path file)
            throws SplitScopeException {
        if (knockout == null) {
            throw new SplitScopeException("--view knockout needs --knockout DIR (a knockout output folder)");
        }
        KnockoutResult k = KnockoutResult.read(knockout);
        var provenance = KnockoutFigure.provenance(k, knockout.getFileName().toString(), request.colormap());
        Drawing d = KnockoutFigure.draw(k, new KnockoutFigure.Options(request.colormap()), size.widthPt(), style);
        if (caption) {
            d = d.withCaption(provenance.caption());
        }
        try {
            FigureFiles.write(file, format, d, size, provenance);
        } catch (IOException e) {
            throw new SplitScopeException(file + ": cannot write the figure (" + e.getMessage() + ")", e);
        }
        System.out.printf(Locale.ROOT, "%s: knockout of %s, %.2f × %.2f in%n", Printable.clean(file.toString()),
                Printable.clean(knockout.toString()), d.width() / 72, d.height() / 72);
        return 0;
    }
}
