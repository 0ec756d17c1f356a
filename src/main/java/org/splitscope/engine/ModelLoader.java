package org.splitscope.engine;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.splitscope.SplitScopeException;
import org.splitscope.checkpoint.CheckpointException;
import org.splitscope.checkpoint.Checkpoints;
import org.splitscope.checkpoint.StateDict;
import org.splitscope.input.Preprocessing;
import org.splitscope.model.ArchitectureInference;
import org.splitscope.io.Printable;
import org.splitscope.model.Initialization;
import org.splitscope.model.Labels;
import org.splitscope.model.Metadata;
import org.splitscope.model.Preset;
import org.splitscope.model.Presets;
import org.splitscope.model.ResNeSt;
import org.splitscope.model.ResNeStConfig;
import org.splitscope.model.WeightReport;
import org.splitscope.model.Weights;
import org.splitscope.runtime.Engines;

/**
 * Turns a checkpoint (or a preset with random weights) into a {@link LoadedModel}: reads the
 * tensors, works out the architecture, checks every key and shape, puts the weights on the device
 * and folds batch norm for inference. The CLI and the GUI both load through here.
 */
public final class ModelLoader {
    private static final Gson GSON = new Gson();

    /**
     * What to load and what the weights cannot say. Nothing here carries over from an earlier load:
     * each request decides afresh, from the file's metadata, the preset, the user, or the default.
     *
     * @param preset a preset name; null to read the architecture off the weights
     * @param avdFirst the avd pool first (true) or last (false), which the weights cannot show; null
     *     for what the file's metadata or the preset says, else last (the official default)
     * @param labels a file with one class name per line; null for the file's or the defaults
     */
    public record Request(Path file, String preset, Boolean avdFirst, Path labels, Device device) {
        /** The CLI's form: {@code --avd-first} forces it, its absence leaves it to the file or preset. */
        public Request(Path file, String preset, boolean avdFirst, Path labels, Device device) {
            this(file, preset, avdFirst ? Boolean.TRUE : null, labels, device);
        }
    }

    private ModelLoader() {}

    public static LoadedModel load(Request request) throws SplitScopeException {
        long start = System.nanoTime();
        Path file = request.file();
        Preset preset = request.preset() == null ? null : preset(request.preset());
        NDManager manager = Engines.manager(request.device());
        try {
            StateDict dict = Checkpoints.read(file, manager);
            Map<String, Shape> shapes = new LinkedHashMap<>();
            dict.tensors().forEach((key, array) -> shapes.put(key, array.getShape()));

            ResNeStConfig config = configFor(file, dict, shapes, preset);
            boolean described = dict.metadata().containsKey(Metadata.CONFIG);
            String architecture = preset != null ? Origins.PRESET + preset.name() : described ? Origins.METADATA : Origins.WEIGHTS;
            String avdOrigin = preset != null ? architecture : described ? Origins.METADATA : Origins.DEFAULT;
            if (request.avdFirst() != null && request.avdFirst() != config.avdFirst()) {
                config = config.withAvdFirst(request.avdFirst());
                avdOrigin = Origins.USER;
            } else if (request.avdFirst() != null && !described && preset == null) {
                avdOrigin = Origins.USER; // the same as the default, but said by the user
            }
            ResNeSt network = new ResNeSt(config);
            WeightReport report = Weights.check(network, shapes);
            if (!report.ok()) {
                throw new CheckpointException(file, "does not fit " + config.notation() + " ResNeSt: " + report.describe());
            }
            Weights.assign(network, dict.tensors());
            closeUnused(dict.tensors(), network.parameterShapes().keySet());
            network.setTraining(false);
            network.foldBatchNorm();

            List<String> labels = labels(request.labels(), dict.metadata(), config.numClasses(), file);
            String labelOrigin = request.labels() != null ? request.labels().getFileName().toString()
                    : dict.metadata().containsKey(Metadata.LABELS) ? Origins.METADATA : Origins.DEFAULT;
            Preprocessing fromFile = metadata(dict.metadata(), Metadata.PREPROCESSING, Preprocessing.class, file, null);
            Preprocessing preprocessing = preset != null ? preset.preprocessing()
                    : fromFile != null ? fromFile : defaultPreprocessing(config);
            String preprocessingOrigin = preset != null ? architecture : fromFile != null ? Origins.METADATA : Origins.DEFAULT;
            // names come from the file: made safe for terminals and windows once, here
            String name = Printable.clean(preset != null ? preset.name()
                    : dict.metadata().getOrDefault(Metadata.NAME, file.getFileName().toString()));
            labels = labels.stream().map(Printable::clean).toList();
            double ms = (System.nanoTime() - start) / 1e6;
            org.splitscope.runtime.StartupClock.mark("model loaded");
            Origins origins = new Origins(architecture, avdOrigin, preprocessingOrigin, labelOrigin);
            return new LoadedModel(name, file, preset == null ? null : preset.name(), origins, network, preprocessing,
                    labels, request.device(), manager, ms);
        } catch (SplitScopeException | RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /** A preset with random weights (speed measurements, tests), initialised as for training. */
    public static LoadedModel random(Preset preset, Device device, long seed) {
        long start = System.nanoTime();
        NDManager manager = Engines.manager(device);
        ResNeSt network = new ResNeSt(preset.config());
        Initialization.initialize(network, manager, seed);
        network.setTraining(false);
        network.foldBatchNorm();
        double ms = (System.nanoTime() - start) / 1e6;
        String origin = Origins.PRESET + preset.name();
        return new LoadedModel(preset.name(), null, preset.name(), new Origins(origin, origin, origin, Origins.DEFAULT),
                network, preset.preprocessing(),
                Labels.defaults(preset.config().numClasses()), device, manager, ms);
    }

    public static Preset preset(String name) throws SplitScopeException {
        return Presets.find(name).orElseThrow(() -> new SplitScopeException("--preset: unknown preset '" + name
                + "'; known: " + String.join(", ", Presets.all().stream().map(Preset::name).toList())));
    }

    private static ResNeStConfig configFor(Path file, StateDict dict, Map<String, Shape> shapes, Preset preset)
            throws CheckpointException {
        ResNeStConfig fromFile = metadata(dict.metadata(), Metadata.CONFIG, ResNeStConfig.class, file, null);
        ResNeStConfig inferred;
        try {
            inferred = fromFile != null ? fromFile : ArchitectureInference.infer(shapes);
        } catch (IllegalArgumentException e) {
            throw new CheckpointException(file, e.getMessage());
        }
        if (preset == null) {
            return inferred;
        }
        List<String> differences = visibleDifferences(preset.config(), inferred);
        if (!differences.isEmpty()) {
            throw new CheckpointException(file, "does not match preset " + preset.name() + ": "
                    + String.join(", ", differences));
        }
        return preset.config().withNumClasses(inferred.numClasses());
    }

    /** Fields a preset fixes that the weights can show; "weights have X, preset has Y" for each mismatch. */
    static List<String> visibleDifferences(ResNeStConfig preset, ResNeStConfig weights) {
        List<String> out = new ArrayList<>();
        compare(out, "layers", preset.layers(), weights.layers());
        compare(out, "radix", preset.radix(), weights.radix());
        compare(out, "cardinality", preset.cardinality(), weights.cardinality());
        compare(out, "bottleneck width", preset.bottleneckWidth(), weights.bottleneckWidth());
        compare(out, "base planes", preset.basePlanes(), weights.basePlanes());
        compare(out, "stem width", preset.stemWidth(), weights.stemWidth());
        compare(out, "deep stem", preset.deepStem(), weights.deepStem());
        compare(out, "avg-down", preset.avgDown(), weights.avgDown());
        compare(out, "input channels", preset.inChannels(), weights.inChannels());
        compare(out, "block", preset.block(), weights.block());
        compare(out, "attention", preset.mechanism().words(), weights.mechanism().words());
        compare(out, "tiered stem", preset.tieredStem(), weights.tieredStem());
        compare(out, "SENet release layout", preset.legacy(), weights.legacy());
        compare(out, "SK split input", preset.splitInput(), weights.splitInput());
        compare(out, "SE batch norm", preset.attentionNorm(), weights.attentionNorm());
        compare(out, "pruned widths", preset.widths() != null, weights.widths() != null);
        if (preset.widths() != null && !preset.widths().equals(weights.widths())) {
            out.add("per-block widths differ from the preset's");
        }
        return out;
    }

    private static void compare(List<String> out, String what, Object preset, Object weights) {
        if (!preset.equals(weights)) {
            out.add(what + " " + weights + " in the weights, " + preset + " in the preset");
        }
    }

    private static <T> T metadata(Map<String, String> metadata, String key, Class<T> type, Path file, T fallback)
            throws CheckpointException {
        String json = metadata.get(key);
        if (json == null) {
            return fallback;
        }
        try {
            T value = GSON.fromJson(json, type);
            if (value == null) {
                throw new CheckpointException(file, "metadata " + key + " is empty");
            }
            return value;
        } catch (JsonParseException e) {
            // Gson's own text runs over several lines and ends in a troubleshooting link: keep its gist
            String gist = Printable.clean(String.valueOf(e.getMessage()).lines().findFirst().orElse("")
                    .replaceAll("\\s*See https?://\\S+", "").replaceAll("^([\\w$]+\\.)*\\w+(Exception|Error): ", ""));
            throw new CheckpointException(file, "metadata " + key + " is not of the expected form (" + gist + ")");
        } catch (RuntimeException e) {
            // a record's constructor refused a value (wrapped by Gson), or a required value was null
            Throwable cause = e;
            while (cause.getCause() != null && cause.getCause() != cause) {
                cause = cause.getCause();
            }
            String why = cause instanceof IllegalArgumentException ? cause.getMessage()
                    : cause instanceof NullPointerException ? "a required value is missing or null"
                    : "a value is out of range";
            throw new CheckpointException(file, "metadata " + key + ": " + Printable.clean(why));
        }
    }

    private static List<String> labels(Path labelFile, Map<String, String> metadata, int classes, Path file)
            throws SplitScopeException {
        if (labelFile != null) {
            return Labels.read(labelFile, classes);
        }
        String[] names = metadata(metadata, Metadata.LABELS, String[].class, file, null);
        if (names != null) {
            if (java.util.Arrays.stream(names).anyMatch(java.util.Objects::isNull)) {
                throw new CheckpointException(file, "metadata " + Metadata.LABELS + ": a class name is null");
            }
            if (names.length != classes) {
                throw new CheckpointException(file, "metadata has " + names.length + " labels for " + classes + " classes");
            }
            return List.of(names);
        }
        return Labels.defaults(classes);
    }

    private static Preprocessing defaultPreprocessing(ResNeStConfig config) {
        Preprocessing imagenet = Preprocessing.imagenet(224, 0.875, Preprocessing.Interpolation.BILINEAR);
        if (config.inChannels() == 3) {
            return imagenet;
        }
        return new Preprocessing(224, 0.875, Preprocessing.Interpolation.BILINEAR,
                new float[] {0.5f}, new float[] {0.5f}, 1);
    }

    private static void closeUnused(Map<String, NDArray> tensors, Set<String> used) {
        tensors.forEach((key, array) -> {
            if (!used.contains(key)) {
                array.close();
            }
        });
    }

    /** Checks a path names a readable file before any reader opens it. */
    public static void requireFile(Path file) throws SplitScopeException {
        if (!Files.isRegularFile(file)) {
            throw new SplitScopeException(file + ": no such file");
        }
    }
}
