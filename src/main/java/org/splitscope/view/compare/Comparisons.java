package org.splitscope.view.compare;

import org.splitscope.view.Origin;
import org.splitscope.io.Printable;
import org.splitscope.input.ImageLoader;
import org.splitscope.figure.FileFigure;
import java.nio.file.Path;
import java.nio.file.Files;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.splitscope.SplitScopeException;
import org.splitscope.capture.BlockCapture;
import org.splitscope.capture.CaptureService;
import org.splitscope.capture.Interventions;
import org.splitscope.engine.LoadedModel;
import org.splitscope.figure.Provenance;
import org.splitscope.input.Sample;
import org.splitscope.input.Samples;
import org.splitscope.render.Colormap;

/** The captures the Compare view and {@code figure --view compare} draw from. */
public final class Comparisons {
    private Comparisons() {}

    /** Every split-attention block's capture of one sample (attention and GAP, no split maps). */
    public static List<BlockCapture> blocks(LoadedModel model, Sample sample, BooleanSupplier cancelled)
            throws SplitScopeException {
        return blocks(model, sample, cancelled, Interventions.NONE);
    }

    /** The same with attention forced as in the other image's capture, so both sides are drawn alike. */
    public static List<BlockCapture> blocks(LoadedModel model, Sample sample, BooleanSupplier cancelled,
            Interventions forced) throws SplitScopeException {
        return CaptureService.capture(model, List.of(sample), Set.of(), cancelled, forced).blocks();
    }

    /** The image centre-cropped by each of SKNet's factors, each crop resized to the input by the model's preprocessing. */
    public static ScaleProfile scales(LoadedModel model, String name, BufferedImage pixels, BooleanSupplier cancelled,
            Interventions forced) throws SplitScopeException {
        List<List<BlockCapture>> captures = new ArrayList<>();
        for (double s : ScaleProfile.SKNET) {
            captures.add(blocks(model, Samples.of(name, org.splitscope.input.CentreCrop.of(pixels, s), model.preprocessing()), cancelled,
                    forced));
        }
        return ScaleProfile.of(name, ScaleProfile.SKNET, captures);
    }

    /** @param images e.g. "coat.png vs shirt.png" or "coat.png at 1×, 1.5×, 2×" */
    public static Provenance provenance(LoadedModel model, String images, String block, Colormap colormap)
            throws java.io.IOException {
        return new Provenance("compare", model.name(), model.sha256(), images, null, block, "all groups", null,
                colormap.displayName(), null);
    }

    /**
     * {@code figure --view compare}: two images, or one at three scales, captured alike.
     *
     * @param second the other image, or null for the scales of {@code input}
     */
    public static FileFigure file(LoadedModel model, Path input, Path second, String block, Colormap colormap,
            Interventions forced) throws SplitScopeException {
        String a = Printable.clean(input.getFileName().toString());
        if (second == null) {
            ScaleProfile profile = scales(model, a, ImageLoader.load(input), () -> false, forced);
            return CompareFigure.file(profile, block, colormap,
                    new Origin(model, a + " at 1×, 1.5×, 2×", () -> null, forced.describe()));
        }
        if (!Files.isRegularFile(second)) {
            throw new SplitScopeException(second + ": no such file");
        }
        String b = Printable.clean(second.getFileName().toString());
        AttentionComparison c = AttentionComparison.of(a, blocks(model, one(input, model), () -> false, forced), b,
                blocks(model, one(second, model), () -> false, forced), block);
        return CompareFigure.file(c, block, colormap, new Origin(model, a + " vs " + b, () -> null, forced.describe()));
    }

    private static Sample one(Path image, LoadedModel model) throws SplitScopeException {
        List<Sample> samples = Samples.load(image, model.preprocessing());
        if (samples.size() != 1) {
            throw new SplitScopeException(image + ": holds " + samples.size() + " inputs; compare takes one each");
        }
        return samples.get(0);
    }
}
