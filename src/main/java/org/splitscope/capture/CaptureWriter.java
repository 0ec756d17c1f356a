package org.splitscope.capture;

import com.google.gson.JsonArray;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.splitscope.engine.LoadedModel;
import org.splitscope.io.AtomicFiles;
import org.splitscope.io.NpzWriter;

/**
 * Writes a capture batch by batch, so memory stays flat in the number of images: each array of
 * {@code capture.npz} grows in a hidden scratch folder of the output ({@link NpzWriter}), and only
 * {@link #finish} puts {@code capture.npz} (those files, zipped) and {@code capture.json} in place,
 * together. Closing without finishing leaves the previous pair as it was.
 */
public final class CaptureWriter implements AutoCloseable {
    private final Path dir;
    private final NpzWriter arrays;
    private final JsonArray inputs = new JsonArray();
    private List<BlockCapture> blocks;
    private int images;
    private double forwardMs;
    private double hostCopyMs;

    private CaptureWriter(Path dir, NpzWriter arrays) {
        this.dir = dir;
        this.arrays = arrays;
    }

    public static CaptureWriter open(Path dir) throws IOException {
        return new CaptureWriter(dir, NpzWriter.open(dir, "capture.arrays"));
    }

    /** Appends one batch: its arrays to the scratch files, its inputs' top-5 to the report. */
    public void add(LoadedModel model, CaptureResult batch, List<String> sources) throws IOException {
        if (blocks == null) {
            blocks = batch.blocks().stream().map(b -> new BlockCapture(b.name(), b.radix(), b.cardinality(),
                    b.channels(), null, null, b.hasSplits() ? new float[0] : null, null, b.height(), b.width(), b.words()))
                    .toList();
            open("logits", batch.classes());
            for (BlockCapture b : batch.blocks()) {
                open(b.name() + ".attention", b.radix(), b.cardinality(), b.groupChannels());
                open(b.name() + ".gap", b.cardinality(), b.groupChannels());
                if (b.hasSplits()) {
                    open(b.name() + ".splits", b.radix(), b.channels(), b.height(), b.width());
                    open(b.name() + ".fused", b.channels(), b.height(), b.width());
                }
            }
        }
        append("logits", batch.logits());
        for (BlockCapture b : batch.blocks()) {
            append(b.name() + ".attention", b.attention());
            append(b.name() + ".gap", b.gap());
            if (b.hasSplits()) {
                append(b.name() + ".splits", b.splits());
                append(b.name() + ".fused", b.fused());
            }
        }
        for (int i = 0; i < batch.batch(); i++) {
            inputs.add(CaptureExport.input(images + i, sources.get(i),
                    Prediction.top(batch.logits(i), Math.min(5, batch.classes()), model.labels())));
        }
        images += batch.batch();
        forwardMs += batch.forwardMs();
        hostCopyMs += batch.hostCopyMs();
    }

    private void open(String name, long... rest) throws IOException {
        arrays.array(name, rest);
    }

    private void append(String name, float[] values) throws IOException {
        arrays.append(name, values);
    }

    public int images() {
        return images;
    }

    public double forwardMs() {
        return forwardMs;
    }

    public double hostCopyMs() {
        return hostCopyMs;
    }

    /** Puts capture.npz and capture.json in place, both or neither. */
    public void finish(LoadedModel model, List<CaptureExport.Skipped> skipped, Map<String, Double> timings)
            throws IOException {
        finish(model, skipped, timings, Interventions.NONE);
    }

    /** @param interventions what was forced during the capture, recorded in capture.json */
    public void finish(LoadedModel model, List<CaptureExport.Skipped> skipped, Map<String, Double> timings,
            Interventions interventions) throws IOException {
        if (blocks == null) {
            throw new IllegalStateException("nothing captured");
        }
        arrays.finish();
        // One id in both files (capture.json's "run", capture.npz's zip comment): the two are replaced
        // one rename after the other, and a reader between them can tell it has not got a pair.
        String run = java.util.UUID.randomUUID().toString();
        var report = CaptureExport.report(model, inputs, blocks, images, skipped, timings);
        report.add("interventions", CaptureExport.interventions(interventions));
        report.addProperty("run", run);
        String json = CaptureExport.json(report);
        AtomicFiles.writeAll(List.of(
                Map.entry(dir.resolve(CaptureExport.NPZ), out -> arrays.writeTo(out, "splitscope run " + run)),
                Map.entry(dir.resolve(CaptureExport.JSON), out -> out.write(json.getBytes(StandardCharsets.UTF_8)))));
    }

    @Override
    public void close() throws IOException {
        arrays.close();
    }
}
