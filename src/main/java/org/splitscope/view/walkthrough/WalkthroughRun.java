package org.splitscope.view.walkthrough;

import java.nio.file.Path;
import java.util.List;
import org.splitscope.SplitScopeException;
import org.splitscope.capture.InternalsCapture;
import org.splitscope.engine.LoadedModel;
import org.splitscope.input.Sample;
import org.splitscope.input.Samples;
import org.splitscope.capture.Interventions;
import org.splitscope.io.Sha256;
import org.splitscope.view.Origin;
import org.splitscope.figure.FileFigure;

/** {@code figure --view walkthrough}: one block of one image, run with its internals, as the window's Walkthrough. */
public final class WalkthroughRun {
    private WalkthroughRun() {}

    /** Runs {@code block} on the image in {@code input} and follows {@code channel} through it. */
    public static FileFigure file(LoadedModel model, Path input, String block, int channel,
            WalkthroughFigure.Options options, Interventions forced) throws SplitScopeException {
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
        return WalkthroughFigure.file(w, options,
                new Origin(model, samples.get(0).source(), () -> Sha256.of(input), forced.describe()));
    }
}
