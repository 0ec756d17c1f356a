package org.splitscope.app.session;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.splitscope.capture.BlockCapture;
import org.splitscope.capture.CaptureResult;
import org.splitscope.capture.Prediction;
import org.splitscope.engine.LoadedModel;
import org.splitscope.input.Sample;
import org.splitscope.view.interventions.InterventionResult;
import org.splitscope.render.Raster;

/**
 * Everything the views draw for one image on one model, computed once per image: the capture of
 * every split-attention block (with split maps when the model is small enough, else added block by
 * block as the user selects them), the input as the network saw it, the top-5, and each block's
 * mean attention entropy for the navigator.
 *
 * @param result the capture the views draw: with the interventions' forced attention when there are any
 * @param entropy normalised mean entropy per block name, in forward order
 * @param intervened the image with and without the interventions; null when there are none
 */
public record ImageCapture(LoadedModel model, ImageItem image, Sample sample, Raster input, CaptureResult result,
        List<Prediction> top, Map<String, Double> entropy, Map<String, BlockCapture> lateSplits,
        InterventionResult intervened) {

    public ImageCapture {
        lateSplits = Map.copyOf(lateSplits);
    }

    /** The block's capture, with its split maps if they have been captured. */
    public BlockCapture block(String name) {
        BlockCapture late = lateSplits.get(name);
        return late != null ? late : result.block(name);
    }

    /** The attention forced in this capture in words ("all blocks uniform"), or null: the network as trained. */
    public String forced() {
        return intervened() == null ? null : intervened().interventions().describe();
    }

    public boolean hasBlock(String name) {
        return result.blocks().stream().anyMatch(b -> b.name().equals(name));
    }

    public boolean hasSplits(String name) {
        return hasBlock(name) && block(name).hasSplits();
    }

    /** This capture with one block's split maps added (captured after the fact). */
    public ImageCapture withSplits(BlockCapture block) {
        Map<String, BlockCapture> more = new HashMap<>(lateSplits);
        more.put(block.name(), block);
        return new ImageCapture(model, image, sample, input, result, top, entropy, more, intervened);
    }
}
