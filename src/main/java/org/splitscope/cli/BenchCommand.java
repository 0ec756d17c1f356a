package org.splitscope.cli;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.google.gson.Gson;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.splitscope.SplitScopeException;
import org.splitscope.capture.Capture;
import org.splitscope.engine.Engines;
import org.splitscope.engine.Timing;
import org.splitscope.engine.LoadedModel;
import org.splitscope.engine.ModelLoader;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "bench", description = "Measure forward and capture speed (medians over iterations).")
final class BenchCommand implements Callable<Integer> {
    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    static final class Target {
        @Option(names = "--preset", paramLabel = "NAME", description = "Random weights for this preset.")
        String preset;

        @Option(names = "--model", paramLabel = "FILE", description = "A checkpoint; also measures load_ms.")
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
            ModelLoader.requireFile(target.model);
            ModelLoader.Request request = new ModelLoader.Request(target.model, null, avdFirst, null, Engines.device(device));
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
            double[] forward = new double[iterations];
            double[] capture = new double[iterations];
            for (int i = -warmup; i < iterations; i++) {
                // Alternate the two kinds so that drift on the machine affects both alike.
                double f = time(model, shape, false);
                double c = time(model, shape, true);
                if (i >= 0) {
                    forward[i] = f;
                    capture[i] = c;
                }
            }
            out.put("model", model.name());
            out.put("notation", model.config().notation());
            out.put("device", model.device().toString());
            out.put("threads", threads == 0 ? Runtime.getRuntime().availableProcessors() : threads);
            out.put("batch", batch);
            out.put("size", side);
            out.put("iterations", iterations);
            out.put("forward_ms", round(Timing.median(forward)));
            out.put("capture_ms", round(Timing.median(capture)));
            out.put("capture_overhead_pct", round(100 * (Timing.median(capture) / Timing.median(forward) - 1)));
            if (!Double.isNaN(loadMs)) {
                out.put("load_ms", round(loadMs));
            }
            out.put("djl", Engine.getDjlVersion());
            out.put("pytorch", Engine.getEngine("PyTorch").getVersion());
        }
        if (json) {
            System.out.println(new Gson().toJson(out));
        } else {
            out.forEach((k, v) -> System.out.printf("%-22s %s%n", k, v));
        }
        return 0;
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
