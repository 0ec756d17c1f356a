package org.splitscope.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.splitscope.SplitScopeException;
import org.splitscope.dataset.PaperFigures;
import org.splitscope.figure.Drawing;
import org.splitscope.figure.FigureFiles;
import org.splitscope.figure.FigureFormat;
import org.splitscope.figure.FigureSize;
import org.splitscope.figure.FigureStyle;
import org.splitscope.figure.Provenance;
import org.splitscope.figure.ViewData;
import org.splitscope.io.AtomicFiles;
import org.splitscope.io.Printable;

/** {@code figure --view dataset --profile senet|senet-std|sknet}: a paper's figure from saved analyze runs. */
final class ProfileFigureFile {
    private ProfileFigureFile() {}

    /** @param data where the figure's numbers go as CSV (and JSON with the provenance beside it); null for none */
    static int write(Path stats, String profile, int channels, List<String> groups, FigureSize size,
            FigureFormat format, FigureStyle style, boolean caption, Path file, Path data) throws SplitScopeException {
        if (stats == null) {
            throw new SplitScopeException("--profile needs --stats DIR (an analyze output folder)");
        }
        PaperFigures figure;
        try {
            figure = new PaperFigures(PaperFigures.Profile.parse(profile), channels, groups);
        } catch (IllegalArgumentException e) {
            throw new SplitScopeException(e.getMessage());
        }
        PaperFigures.Source source = figure.read(stats);
        Drawing d;
        Provenance provenance;
        ViewData numbers;
        try {
            PaperFigures.Shown shown = figure.compute(source);
            d = figure.draw(shown, size.widthPt(), style);
            provenance = figure.provenance(source, shown, stats.toAbsolutePath().getFileName().toString());
            numbers = data == null ? null : figure.data(shown);
        } catch (IllegalArgumentException e) {
            throw new SplitScopeException(stats + ": " + e.getMessage());
        }
        if (caption) {
            d = d.withCaption(provenance.caption());
        }
        try {
            FigureFiles.write(file, format, d, size, provenance);
            if (numbers != null) {
                byte[] csv = numbers.csv();
                byte[] json = numbers.json(provenance);
                Path jsonFile = data.resolveSibling(data.getFileName().toString().replaceFirst("(\\.csv)?$", ".json"));
                AtomicFiles.writeAll(List.of(Map.entry(data, o -> o.write(csv)), Map.entry(jsonFile, o -> o.write(json))));
            }
        } catch (IOException e) {
            throw new SplitScopeException(file + ": cannot write the figure (" + e.getMessage() + ")", e);
        }
        System.out.printf(Locale.ROOT, "%s: %s profile of %s (%s), %.2f × %.2f in%s%n", Printable.clean(file.toString()),
                figure.profile().id, Printable.clean(stats.toString()), provenance.block(), d.width() / 72,
                d.height() / 72, data == null ? "" : "; numbers in " + Printable.clean(data.toString()));
        return 0;
    }
}
