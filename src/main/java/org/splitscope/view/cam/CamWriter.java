package org.splitscope.view.cam;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.splitscope.SplitScopeException;
import org.splitscope.engine.LoadedModel;
import org.splitscope.input.Sample;
import org.splitscope.io.AtomicFiles;
import org.splitscope.io.ModelJson;
import org.splitscope.io.NpzWriter;
import org.splitscope.render.Colormap;
import org.splitscope.render.InputImages;

/**
 * Writes the maps of a run batch by batch, so memory stays flat in the number of images:
 * {@code cam.npz} ({@code cam} float32 [N, h, w], the raw maps; {@code cam_input} [N, H, W],
 * normalised to 0…1 and resized to the input) grows in a hidden scratch folder ({@link NpzWriter}),
 * the overlays {@code <image>-cam.png} are drawn there too, and only {@link #finish} puts them,
 * {@code cam.npz} and {@code cam.json} in place. Closing without finishing writes nothing.
 */
public final class CamWriter implements AutoCloseable {
    public static final String NPZ = "cam.npz";
    public static final String JSON = "cam.json";
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private final Path dir;
    private final NpzWriter arrays;
    private final JsonArray inputs = new JsonArray();
    private final List<Map.Entry<String, Path>> overlays = new ArrayList<>();
    private final Set<String> overlayNames = new HashSet<>();
    private CamResult first;
    private int images;

    private CamWriter(Path dir, NpzWriter arrays) {
        this.dir = dir;
        this.arrays = arrays;
    }

    public static CamWriter open(Path dir) throws IOException {
        return new CamWriter(dir, NpzWriter.open(dir, "cam.arrays"));
    }

    /** Deletes what an interrupted run left ({@code .cam.*.part}, {@code .*-cam.png.*.part}); only under the folder's lock. */
    public static void removeStaleParts(Path dir) throws IOException {
        try (var parts = Files.newDirectoryStream(dir, "{.cam.npz.,.cam.json.,.cam.arrays.,.*-cam.png.}*.part")) {
            for (Path part : parts) {
                AtomicFiles.deleteTree(part);
            }
        }
    }

    /** @param samples the batch's inputs, in the result's order */
    public void add(LoadedModel model, CamResult batch, List<Sample> samples, Colormap colormap)
            throws IOException, SplitScopeException {
        if (first == null) {
            first = batch;
            arrays.array("cam", batch.height(), batch.width());
            arrays.array("cam_input", batch.inputHeight(), batch.inputWidth());
        } else if (batch.height() != first.height() || batch.width() != first.width()
                || batch.inputHeight() != first.inputHeight() || batch.inputWidth() != first.inputWidth()) {
            throw new SplitScopeException(samples.get(0).source() + ": " + batch.inputHeight() + "×" + batch.inputWidth()
                    + ", but the first inputs were " + first.inputHeight() + "×" + first.inputWidth()
                    + "; cam.npz holds maps of one size, so run them separately");
        }
        for (int n = 0; n < batch.batch(); n++) {
            float[] map = batch.map(n);
            arrays.append("cam", map);
            arrays.append("cam_input", batch.mapOnInput(n));
            Sample sample = samples.get(n);
            var image = CamMaps.overlay(InputImages.fromTensor(sample.data(), batch.inputHeight(), batch.inputWidth(),
                    model.preprocessing()), map, batch.width(), batch.height(), colormap);
            String name = overlayName(sample.source());
            Path png = arrays.scratch().resolve(overlays.size() + ".png");
            ImageIO.write(image.toBufferedImage(), "png", png.toFile());
            overlays.add(Map.entry(name, png));

            CamResult.Explained explained = batch.classes().get(n);
            JsonObject input = new JsonObject();
            input.addProperty("index", images + n);
            input.addProperty("source", sample.source());
            input.addProperty("class", explained.index());
            input.addProperty("label", explained.label());
            input.addProperty("logit", explained.logit());
            input.addProperty("overlay", name);
            inputs.add(input);
        }
        images += batch.batch();
    }

    /** {@code photo.jpg} → {@code photo-cam.png}, {@code x.npy[3]} → {@code x-3-cam.png}; unique within the run. */
    private String overlayName(String source) {
        String base = source.replaceFirst(" \\(frame 1 of \\d+\\)$", "").replaceFirst("\\.npy\\[(\\d+)]$", "-$1");
        base = base.replaceFirst("\\.[A-Za-z0-9]{1,5}$", "").replaceAll("[^A-Za-z0-9._-]", "_");
        if (base.isEmpty() || base.startsWith(".")) {
            base = "image" + base;
        }
        String name = base + "-cam.png";
        for (int k = 2; !overlayNames.add(name.toLowerCase(Locale.ROOT)); k++) {
            name = base + "-" + k + "-cam.png";
        }
        return name;
    }

    public int images() {
        return images;
    }

    /** Puts the overlays, cam.npz and cam.json in place, only once all of them are complete. */
    public void finish(LoadedModel model, ClassChoice choice, Map<String, Double> timings) throws IOException {
        if (first == null) {
            throw new IllegalStateException("no maps");
        }
        arrays.finish();
        String json = GSON.toJson(report(model, choice, timings));
        List<Map.Entry<Path, AtomicFiles.Writer>> files = new ArrayList<>();
        for (var overlay : overlays) {
            files.add(Map.entry(dir.resolve(overlay.getKey()), out -> Files.copy(overlay.getValue(), out)));
        }
        files.add(Map.entry(dir.resolve(NPZ), out -> arrays.writeTo(out, null)));
        files.add(Map.entry(dir.resolve(JSON), out -> out.write(json.getBytes(StandardCharsets.UTF_8))));
        AtomicFiles.writeAll(files);
    }

    private JsonObject report(LoadedModel model, ClassChoice choice, Map<String, Double> timings) throws IOException {
        JsonObject json = new JsonObject();
        JsonObject modelJson = new JsonObject();
        modelJson.addProperty("name", model.name());
        ModelJson.addFile(modelJson, model.file(), model.sha256());
        modelJson.addProperty("notation", model.config().notation());
        json.add("model", modelJson);
        json.addProperty("block", first.target());
        json.addProperty("at", first.target().endsWith(".conv2") ? "split-attention output V"
                : "bottleneck output (after the residual add and ReLU)");
        json.addProperty("method", first.method().cliName());
        json.addProperty("class", choice.toString());
        json.add("camShape", GSON.toJsonTree(new int[] {images, first.height(), first.width()}));
        json.add("camInputShape", GSON.toJsonTree(new int[] {images, first.inputHeight(), first.inputWidth()}));
        json.add("inputs", inputs);
        json.add("timingsMs", GSON.toJsonTree(timings));
        return json;
    }

    @Override
    public void close() throws IOException {
        arrays.close();
    }
}
