package org.splitscope.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.splitscope.SplitScopeException;
import org.splitscope.view.walkthrough.Walkthrough;
import org.splitscope.capture.InternalsCapture;
import org.splitscope.engine.LoadedModel;
import org.splitscope.figure.Drawing;
import org.splitscope.figure.FigureFiles;
import org.splitscope.figure.FigureFormat;
import org.splitscope.figure.FigureSize;
import org.splitscope.figure.FigureStyle;
import org.splitscope.figure.Provenance;
import org.splitscope.view.walkthrough.WalkthroughFigure;
import org.splitscope.input.Sample;
import org.splitscope.input.Samples;
import org.splitscope.intervene.Interventions;
import org.splitscope.io.Printable;
import org.splitscope.io.Sha256;

/** {@code figure --view walkthrough}: one block of one image through the window's Walkthrough figure. */
final class WalkthroughFile {
    private WalkthroughFile() {}

    static Drawing write(LoadedModel model, Path input, String block, int channel, WalkthroughFigure.Options options,
            FigureSize size, FigureFormat format, FigureStyle style, boolean caption, Path file, Interventions forced)
            throws SplitScopeException {
        List<Sample> samples = Samples.load(input, model.preprocessing());
        if (samples.size() != 1) {
            throw new SplitScopeException(input + ": holds " + samples.size() + " inputs; a figure shows one");
        }
        InternalsCapture.Result result = InternalsCapture.run(model, samples.get(0), block, () -> false, forced);
        int channels = result.block().channels();
        if (channel >= channels) {
            throw new SplitScopeException("--channel " + channel + " is not in 0 … " + (channels - 1) + " (C = "
                    + channels + " in " + block + ")");
        }
        Walkthrough w = Walkthrough.of(result.block(), result.internals(), 0, channel);
        try {
            Provenance p = WalkthroughFigure.provenance(w, options, model.name(), model.sha256(),
                    samples.get(0).source(), Sha256.of(input)).withIntervention(forced.describe());
            Drawing d = WalkthroughFigure.draw(w, options, size.widthPt(), style);
            d = caption ? d.withCaption(p.caption()) : d;
            FigureFiles.write(file, format, d, size, p);
            System.out.printf(Locale.ROOT, "%s: walkthrough of %s, step %d %s, channel %d, %.2f × %.2f in%n",
                    Printable.clean(file.toString()), block, options.step().ordinal() + 1, options.step().id(), channel,
                    d.width() / 72, d.height() / 72);
            return d;
        } catch (IOException e) {
            throw new SplitScopeException(file + ": cannot write the figure (" + e.getMessage() + ")", e);
        }
    }
}
