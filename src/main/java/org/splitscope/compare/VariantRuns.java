package org.splitscope.compare;

import ai.djl.Device;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.splitscope.SplitScopeException;
import org.splitscope.analysis.VariantRun;
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
        List<VariantRun> runs = new ArrayList<>();
        for (BundledModels.Entry entry : BundledModels.all()) {
            if (cancelled.getAsBoolean()) {
                throw new java.util.concurrent.CancellationException("stopped");
            }
            try (LoadedModel model = ModelLoader.load(new ModelLoader.Request(BundledModels.file(entry), null, false,
                    null, Device.cpu()))) {
                CaptureResult r = CaptureService.capture(model, List.of(Samples.of(name, pixels, model.preprocessing())),
                        Set.of(), cancelled);
                var config = model.config();
                String notation = entry.file().replaceFirst("\\.safetensors$", "").replaceFirst("^fmnist-", "");
                runs.add(VariantRun.of(model.name(), notation, config.radix(), config.cardinality(),
                        Prediction.top(r.logits(0), Math.min(3, r.classes()), model.labels()), r.blocks()));
            }
        }
        if (runs.isEmpty()) {
            throw new SplitScopeException("this build has no bundled models to compare");
        }
        return runs;
    }

    /** What a variants figure records: every bundled model, the image. */
    public static org.splitscope.figure.Provenance provenance(String image, String imageSha256,
            org.splitscope.render.Colormap colormap) {
        return new org.splitscope.figure.Provenance("variants", "every bundled variant", null, image, imageSha256,
                "the last block of each stage", "all groups", null, colormap.displayName(), null);
    }
}
