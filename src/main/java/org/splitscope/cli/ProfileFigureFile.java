package org.splitscope.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.splitscope.SplitScopeException;
import org.splitscope.figure.FileFigure;
import org.splitscope.figure.Provenance;
import org.splitscope.figure.ViewData;
import org.splitscope.io.AtomicFiles;
import org.splitscope.io.Printable;
import org.splitscope.view.dataset.PaperFigures;

/** {@code figure --view dataset --profile senet|senet-std|sknet}: a paper's figure from saved analyze runs. */
final class ProfileFigureFile {
    private ProfileFigureFile() {}

    /** @param data where the figure's numbers go as CSV (and JSON with the provenance beside it); null for none */
    static int write(Path stats, String profile, int channels, List<String> groups, FigureCommand.Output to, Path data)
            throws SplitScopeException {
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
        try {
            PaperFigures.Shown shown = figure.compute(source);
            FileFigure file = figure.file(source, shown, stats.toAbsolutePath().getFileName().toString());
            Provenance provenance = figure.provenance(source, shown, stats.toAbsolutePath().getFileName().toString());
            if (data != null) {
                writeNumbers(data, file.data(), provenance);
            }
            return to.write(file, figure.profile().id + " profile of " + Printable.clean(stats.toString()) + " ("
                    + provenance.block() + ")", d -> data == null ? "" : "; numbers in " + Printable.clean(data.toString()));
        } catch (IllegalArgumentException e) {
            throw new SplitScopeException(stats + ": " + e.getMessage());
        }
    }

    private static void writeNumbers(Path data, ViewData numbers, Provenance provenance) throws SplitScopeException {
        byte[] csv = numbers.csv();
        byte[] json = numbers.json(provenance);
        Path jsonFile = data.resolveSibling(data.getFileName().toString().replaceFirst("(\\.csv)?$", ".json"));
        try {
            AtomicFiles.writeAll(List.of(Map.entry(data, o -> o.write(csv)), Map.entry(jsonFile, o -> o.write(json))));
        } catch (IOException e) {
            throw new SplitScopeException(data + ": cannot write the numbers (" + e.getMessage() + ")", e);
        }
    }
}
