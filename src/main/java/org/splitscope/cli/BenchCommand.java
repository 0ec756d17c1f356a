package org.splitscope.cli;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.splitscope.SplitScopeException;
import org.splitscope.capture.Capture;
import org.splitscope.runtime.Devices;
import org.splitscope.runtime.Engines;
import org.splitscope.runtime.IntraOpThreads;
import org.splitscope.runtime.Timing;
import org.splitscope.engine.LoadedModel;
import org.splitscope.engine.ModelLoader;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "bench", description = "Measure forward and capture speed (medians over iterations).")
final class BenchCommand implements Callable<Integer> {
    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    static final class Target {
        @Option(names = "--preset", paramLabel = "NAME", description = "Random weights for this preset.")
        String preset;

        @Option(names = "--model", paramLabel = "FILE|NAME", description = "A checkpoint or bundled model; also measures load_ms.")
        java.nio.file.Path model;
    }

    @Option(names = "--batch", defaultValue = "1", description = "Batch size (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--iterations", defaultValue = "30", description = "Timed runs of each kind (default: ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--warmup", defaultValue = "5", description = "Untimed runs first (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--threads", defaultValue = "0", description = "Intra-op threads; 0 = all cores.")
    int threads;

    @Option(names = "--size", description = "Input side in pixels (default: the preset's).")
    Integer size;

    @Option(names = "--device", defaultValue = "auto", description = "auto, cpu or gpu.")
    String device;

    @Option(names = "--avd-first", description = "With --model: the avd pool goes first.")
    boolean avdFirst;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Option(names = "--contended", description = "Measure again while a busy process of our own takes one core, "
            + "as on a desktop that is never idle (contended_forward_ms, contended_capture_ms).")
    boolean contended;

    @Override
    public Integer call() throws SplitScopeException {
        if (batch < 1 || iterations < 1 || warmup < 0) {
            throw new SplitScopeException("--batch and --iterations must be at least 1");
        }
        Engines.configure(threads); // before the engine loads: the thread count is fixed then
        Map<String, Object> out = new LinkedHashMap<>();
        double loadMs = Double.NaN;
        LoadedModel model;
        if (target.model != null) {
            java.nio.file.Path file = org.splitscope.bundled.BundledModels.resolve(target.model);
            ModelLoader.Request request = new ModelLoader.Request(file, null, avdFirst, null, Engines.device(device));
            double[] loads = new double[3];
            for (int i = 0; i < loads.length; i++) {
                try (LoadedModel m = ModelLoader.load(request)) {
                    loads[i] = m.loadMs();
                }
            }
            loadMs = Timing.median(loads);
            model = ModelLoader.load(request);
        } else {
            model = ModelLoader.random(ModelLoader.preset(target.preset), Engines.device(device), 42);
        }
        try (model) {
            int side = size != null ? size : model.preprocessing().size();
            Shape shape = new Shape(batch, model.config().inChannels(), side, side);
            IntraOpThreads.drainUsage();
            double[] quiet = measure(model, shape);
            Map<Integer, Integer> quietThreads = IntraOpThreads.drainUsage();
            out.put("model", model.name());
            out.put("notation", model.config().notation());
            out.put("device", Devices.describe(model.device()));
            out.put("threads", threads == 0 ? Runtime.getRuntime().availableProcessors() : threads);
            out.put("threads_policy", Engines.intraOpThreads());
            out.put("batch", batch);
            out.put("size", side);
            out.put("iterations", iterations);
            out.put("forward_ms", round(quiet[0]));
            out.put("capture_ms", round(quiet[1]));
            out.put("capture_overhead_pct", round(100 * (quiet[1] / quiet[0] - 1)));
            if (!quietThreads.isEmpty()) {
                out.put("threads_used", quietThreads); // forwards (warm-up included) per intra-op thread count
            }
            if (contended) {
                double[] busy;
                try (Competitor competitor = Competitor.start()) {
                    busy = measure(model, shape);
                    Map<Integer, Integer> busyThreads = IntraOpThreads.drainUsage();
                    if (!busyThreads.isEmpty()) {
                        out.put("contended_threads_used", busyThreads);
                    }
                } catch (java.io.IOException e) {
                    throw new SplitScopeException("--contended: cannot start the competing process: " + e.getMessage());
                }
                out.put("contended_forward_ms", round(busy[0]));
                out.put("contended_capture_ms", round(busy[1]));
            }
            if (!Double.isNaN(loadMs)) {
                out.put("load_ms", round(loadMs));
            }
            out.put("onednn_isa", Engines.onednnIsa()); // ONEDNN_MAX_CPU_ISA as libtorch ran with it
            out.put("cpu_kernels", Engines.cpuKernels()); // that, and why
            out.put("omp_wait_policy", Engines.ompWaitPolicy());
            out.put("djl", Engine.getDjlVersion());
            out.put("pytorch", Engine.getEngine("PyTorch").getVersion());
        }
        if (json) {
            System.out.println(new com.google.gson.GsonBuilder().disableHtmlEscaping().create().toJson(out));
        } else {
            out.forEach((k, v) -> System.out.printf("%-22s %s%n", k, v));
        }
        return 0;
    }

    /**
     * Median forward and capture ms: warm-up, then the two kinds alternating, and which goes first
     * alternating too, so neither drift nor running second (a warmer cache, threads just woken) favours one.
     */
    private double[] measure(LoadedModel model, Shape shape) {
        double[] forward = new double[iterations];
        double[] capture = new double[iterations];
        for (int i = -warmup; i < iterations; i++) {
            boolean captureFirst = (i & 1) != 0;
            double c = captureFirst ? time(model, shape, true) : 0;
            double f = time(model, shape, false);
            if (!captureFirst) {
                c = time(model, shape, true);
            }
            SplitScopeCli.ready("bench");
            if (i >= 0) {
                forward[i] = f;
                capture[i] = c;
            }
        }
        return new double[] {Timing.median(forward), Timing.median(capture)};
    }

    /** One forward on a fresh input, timed from input creation to logits (and captures) on the host. */
    private static double time(LoadedModel model, Shape shape, boolean capture) {
        try (NDManager forward = model.manager().newSubManager()) {
            NDArray input = forward.randomNormal(0, 1, shape, DataType.FLOAT32);
            long start = System.nanoTime();
            if (capture) {
                Capture.run(model.network(), input, Set.of());
            } else {
                Capture.logits(model.network(), input);
            }
            return (System.nanoTime() - start) / 1e6;
        }
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
