package org.splitscope.view.variants;

import ai.djl.Device;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.splitscope.SplitScopeException;
import org.splitscope.bundled.BundledModels;
import org.splitscope.capture.CaptureResult;
import org.splitscope.capture.CaptureService;
import org.splitscope.capture.Prediction;
import org.splitscope.engine.LoadedModel;
import org.splitscope.engine.ModelLoader;
import org.splitscope.input.Samples;

/** One image through every bundled variant, for the Variants view and {@code figure --view variants}. */
public final class VariantRuns {
    private VariantRuns() {}

    /** Each bundled model in turn: loaded, run on the image, closed. */
    public static List<VariantRun> run(String name, BufferedImage pixels, BooleanSupplier cancelled)
            throws SplitScopeException {
        return run(name, pixels, cancelled, new java.util.HashSet<>());
    }

    /** @param channels receives the input channel counts of the variants (1: they saw the image in grey) */
    public static List<VariantRun> run(String name, BufferedImage pixels, BooleanSupplier cancelled,
            Set<Integer> channels) throws SplitScopeException {
        List<Path> files = new ArrayList<>();
        for (BundledModels.Entry entry : BundledModels.all()) {
            files.add(BundledModels.file(entry));
        }
        if (files.isEmpty()) {
            throw new SplitScopeException("this build has no bundled models to compare");
        }
        return run(files, name, pixels, cancelled, channels);
    }

    /** The given models in turn, in this order; each row named by its architecture's notation (2s1x64d, SE 1x64d). */
    public static List<VariantRun> run(List<Path> models, String name, BufferedImage pixels, BooleanSupplier cancelled,
            Set<Integer> channels) throws SplitScopeException {
        List<VariantRun> runs = new ArrayList<>();
        for (Path file : models) {
            if (cancelled.getAsBoolean()) {
                throw new java.util.concurrent.CancellationException("stopped");
            }
            try (LoadedModel model = ModelLoader.load(new ModelLoader.Request(file, null, false, null, Device.cpu()))) {
                CaptureResult r = CaptureService.capture(model, List.of(Samples.of(name, pixels, model.preprocessing())),
                        Set.of(), cancelled);
                var config = model.config();
                channels.add(model.preprocessing().channels());
                runs.add(VariantRun.of(model.name(), config.notation(), config.radix(), config.cardinality(),
                        Prediction.top(r.logits(0), Math.min(3, r.classes()), model.labels()), r.blocks()));
            }
        }
        return runs;
    }

    /**
     * Whether the image has colour (some pixel with R, G and B not all equal), looked at on a grid
     * of at most about 250,000 pixels: one-channel models see such an image converted to grey.
     */
    public static boolean isColour(BufferedImage pixels) {
        int step = Math.max(1, (int) Math.sqrt((double) pixels.getWidth() * pixels.getHeight() / 250_000.0));
        for (int y = 0; y < pixels.getHeight(); y += step) {
            for (int x = 0; x < pixels.getWidth(); x += step) {
                int rgb = pixels.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                if (r != g || g != b) {
                    return true;
                }
            }
        }
        return false;
    }

    /** What a variants figure records: every bundled model, the image. */
    public static org.splitscope.figure.Provenance provenance(String image, String imageSha256,
            org.splitscope.render.Colormap colormap) {
        return new org.splitscope.figure.Provenance("variants", "every bundled variant", null, image, imageSha256,
                "the last block of each stage", "all groups", null, colormap.displayName(), null);
    }
}
