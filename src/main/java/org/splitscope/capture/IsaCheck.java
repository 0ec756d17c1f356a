package org.splitscope.capture;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.splitscope.engine.LoadedModel;
import org.splitscope.engine.ModelLoader;
import org.splitscope.model.ResNeSt;
import org.splitscope.model.ResNeStConfig;
import org.splitscope.model.Weights;
import org.splitscope.runtime.Engines;
import org.splitscope.runtime.IsaTrial;

/**
 * The known-answer check, run in a child process under one {@code ONEDNN_MAX_CPU_ISA} (set in its
 * environment by {@link IsaSelection}): a small ResNeSt with radix 4 and cardinality 2 (the
 * shipped {@code kernel-check.*}, made by {@code src/test/python/make_kernel_check.py} with PyTorch)
 * runs once and its logits, attention and GAP are compared with PyTorch's. A level whose kernels
 * crash the process (SIGFPE where oneDNN divides by a cache size it cannot see) prints nothing and so
 * loses.
 *
 * <p>Talks in lines on stdout/stdin: it prints {@code kernel-check diff D}; if D is within
 * tolerance it builds the network to time (argument: a preset, {@code resnest50d} by default;
 * {@code none} times the check model itself) and prints {@code kernel-check ready}; then, for each
 * {@code time} line it reads, it runs one forward and prints {@code kernel-check ms M}. The parent
 * keeps every level's child alive and asks them in turn, so each round of forwards sees the same
 * load. End of input ends it.
 */
public final class IsaCheck {
    /** The prefix of every line the parent reads. */
    private static final String PREFIX = org.splitscope.runtime.IsaChild.PREFIX;

    private IsaCheck() {}

    public static void main(String[] args) throws Exception {
        String isa = System.getenv("ONEDNN_MAX_CPU_ISA"); // set by the parent for this child
        if (isa == null || !IsaTrial.KNOWN.contains(isa)) {
            System.err.println("error: ONEDNN_MAX_CPU_ISA must be one of " + IsaTrial.KNOWN);
            System.exit(2);
        }
        String preset = args.length > 0 ? args[0] : "resnest50d";
        Engines.configure(0);
        var in = new java.io.BufferedReader(new java.io.InputStreamReader(System.in, StandardCharsets.UTF_8));
        try (NDManager manager = Engines.manager(Device.cpu())) {
            ResNeSt network = knownAnswerNetwork(manager);
            Map<String, NDArray> expected = decode(manager, "kernel-check.expected.npz");
            double diff = relDiff(expected, Capture.run(network, expected.get("input"), Set.of()));
            System.out.println(PREFIX + "diff " + diff);
            if (diff <= IsaTrial.TOLERANCE) { // false for NaN
                LoadedModel timed = preset.equals("none") ? null
                        : ModelLoader.random(ModelLoader.preset(preset), Device.cpu(), 42);
                ResNeSt net = timed == null ? network : timed.network();
                int side = timed == null ? 32 : timed.preprocessing().size();
                Shape shape = new Shape(1, net.config().inChannels(), side, side);
                System.out.println(PREFIX + "ready");
                for (String line = in.readLine(); "time".equals(line); line = in.readLine()) {
                    System.out.println(PREFIX + "ms " + time(net, shape, manager));
                }
            }
        }
        System.exit(0); // no lingering engine threads
    }

    static ResNeSt knownAnswerNetwork(NDManager manager) throws IOException {
        String json;
        try (InputStream in = resource("kernel-check.json")) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        ResNeStConfig config = new com.google.gson.Gson().fromJson(json, ResNeStConfig.class);
        ResNeSt network = new ResNeSt(config);
        Weights.assign(network, decode(manager, "kernel-check.safetensors"));
        network.setTraining(false);
        network.foldBatchNorm(); // as every loaded model runs
        return network;
    }

    /** max |ours − expected| / max(1, max |expected|) over the logits and every block's attention and GAP. */
    static double relDiff(Map<String, NDArray> expected, CaptureResult result) {
        double worst = relDiff(expected.get("logits").toFloatArray(), result.logits());
        for (BlockCapture b : result.blocks()) {
            worst = Math.max(worst, relDiff(expected.get(b.name() + ".attention").toFloatArray(), b.attention()));
            worst = Math.max(worst, relDiff(expected.get(b.name() + ".gap").toFloatArray(), b.gap()));
        }
        return worst;
    }

    static double relDiff(float[] expected, float[] actual) {
        if (expected.length != actual.length) {
            return Double.NaN;
        }
        double diff = 0;
        double scale = 1;
        for (int i = 0; i < expected.length; i++) {
            double d = Math.abs((double) expected[i] - actual[i]);
            if (Double.isNaN(d)) {
                return Double.NaN; // a NaN output is wrong
            }
            diff = Math.max(diff, d);
            scale = Math.max(scale, Math.abs(expected[i]));
        }
        return diff / scale;
    }

    /** One forward on a fresh input, in ms. */
    private static double time(ResNeSt network, Shape shape, NDManager manager) {
        try (NDManager forward = manager.newSubManager()) {
            NDArray input = forward.randomNormal(0, 1, shape, DataType.FLOAT32);
            long start = System.nanoTime();
            Capture.logits(network, input);
            return (System.nanoTime() - start) / 1e6;
        }
    }

    private static Map<String, NDArray> decode(NDManager manager, String name) throws IOException {
        try (InputStream in = resource(name)) {
            Map<String, NDArray> byName = new LinkedHashMap<>();
            for (NDArray array : NDList.decode(manager, in)) {
                byName.put(array.getName(), array);
            }
            return byName;
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = IsaCheck.class.getResourceAsStream(name);
        if (in == null) {
            throw new IOException("missing resource " + name);
        }
        return in;
    }
}
