package org.splitscope.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.splitscope.SplitScopeException;
import org.splitscope.checkpoint.Checkpoints;
import org.splitscope.checkpoint.SafetensorsWriter;
import org.splitscope.checkpoint.StateDict;
import org.splitscope.input.Preprocessing;
import org.splitscope.model.CaptureSink;
import org.splitscope.model.Initialization;
import org.splitscope.model.Metadata;
import org.splitscope.model.ResNeSt;
import org.splitscope.model.ResNeStConfig;
import org.splitscope.model.Weights;

/**
 * Trains a ResNeSt on Fashion-MNIST, one epoch at a time, with the very network the explorer shows.
 * The state after an epoch (weights, batch-norm statistics, momentum, history) fits in one
 * checkpoint, and {@link #resume} continues exactly where it stopped: shuffling and augmentation
 * are seeded per epoch.
 */
public final class Training implements AutoCloseable {
    private static final String RECIPE = "splitscope.recipe";
    private static final String EPOCH = "splitscope.epoch";
    private static final String HISTORY = "splitscope.history";
    private static final String MOMENTUM = "momentum.";
    private static final Gson GSON = new Gson();

    /** How SplitScope's Fashion-MNIST models read their input: 28×28 grayscale, the data set's statistics. */
    public static final Preprocessing PREPROCESSING = new Preprocessing(FashionMnist.SIDE, 1.0,
            Preprocessing.Interpolation.BILINEAR, new float[] {Batches.MEAN}, new float[] {Batches.STD}, 1);

    private final ResNeStConfig config;
    private final Recipe recipe;
    private final FashionMnist.Split data;
    private final NDManager manager;
    private final ResNeSt network;
    private final Map<String, Parameter> trainable = new LinkedHashMap<>();
    private final Sgd sgd;
    private final int[] trainIndices;
    private final int[] validationIndices;
    private final List<EpochLog> history = new ArrayList<>();

    private Training(ResNeStConfig config, Recipe recipe, FashionMnist.Split data, Device device) {
        this.config = config;
        this.recipe = recipe;
        this.data = data;
        this.manager = org.splitscope.runtime.Engines.manager(device);
        this.network = new ResNeSt(config);
        this.sgd = new Sgd(recipe.momentum(), recipe.weightDecay());
        // A fixed hold-out: the same images are validation images in every run with this seed.
        int[] all = permutation(data.size(), new Random(recipe.seed()));
        int validation = Math.min(recipe.validationImages(), data.size() / 5);
        validationIndices = java.util.Arrays.copyOfRange(all, 0, validation);
        int train = recipe.limit() > 0 ? Math.min(recipe.limit(), all.length - validation) : all.length - validation;
        trainIndices = java.util.Arrays.copyOfRange(all, validation, validation + train);
        if (trainIndices.length < recipe.batchSize()) {
            throw new IllegalArgumentException("fewer training images (" + trainIndices.length
                    + ") than one batch (" + recipe.batchSize() + ")");
        }
    }

    public static Training start(ResNeStConfig config, Recipe recipe, FashionMnist.Split data, Device device) {
        Training training = new Training(config, recipe, data, device);
        Initialization.initialize(training.network, training.manager, recipe.seed());
        training.collectTrainable();
        return training;
    }

    /** Continues from a checkpoint written by {@link #saveCheckpoint}. */
    public static Training resume(Path checkpoint, FashionMnist.Split data, Device device) throws SplitScopeException {
        Training training;
        StateDict dict;
        NDManager reader = org.splitscope.runtime.Engines.manager(device);
        try {
            dict = Checkpoints.read(checkpoint, reader);
            Map<String, String> meta = dict.metadata();
            if (!meta.containsKey(RECIPE) || !meta.containsKey(Metadata.CONFIG) || !meta.containsKey(EPOCH)) {
                throw new SplitScopeException(checkpoint.getFileName() + ": not a SplitScope training checkpoint");
            }
            training = new Training(GSON.fromJson(meta.get(Metadata.CONFIG), ResNeStConfig.class),
                    GSON.fromJson(meta.get(RECIPE), Recipe.class), data, device);
            List<EpochLog> done = GSON.fromJson(meta.get(HISTORY), new TypeToken<List<EpochLog>>() {}.getType());
            training.history.addAll(done);
        } catch (RuntimeException e) {
            reader.close();
            throw new SplitScopeException(checkpoint.getFileName() + ": damaged training checkpoint (" + e.getMessage() + ")");
        } catch (SplitScopeException e) {
            reader.close();
            throw e;
        }
        Map<String, NDArray> weights = new LinkedHashMap<>();
        Map<String, NDArray> momentum = new LinkedHashMap<>();
        dict.tensors().forEach((key, array) -> {
            array.attach(training.manager);
            if (key.startsWith(MOMENTUM)) {
                momentum.put(key.substring(MOMENTUM.length()), array);
            } else {
                weights.put(key, array);
            }
        });
        reader.close();
        Weights.assign(training.network, weights);
        training.sgd.restore(momentum);
        training.collectTrainable();
        return training;
    }

    private void collectTrainable() {
        for (var p : network.getParameters()) {
            if (p.getValue().getType() != Parameter.Type.RUNNING_MEAN
                    && p.getValue().getType() != Parameter.Type.RUNNING_VAR) {
                p.getValue().getArray().setRequiresGradient(true);
                trainable.put(p.getKey(), p.getValue());
            }
        }
    }

    public int epochsDone() {
        return history.size();
    }

    public boolean finished() {
        return history.size() >= recipe.epochs();
    }

    public List<EpochLog> history() {
        return List.copyOf(history);
    }

    public ResNeSt network() {
        return network;
    }

    public Recipe recipe() {
        return recipe;
    }

    public int trainImages() {
        return trainIndices.length;
    }

    public int validationImages() {
        return validationIndices.length;
    }

    /** Trains the next epoch and measures the validation accuracy. */
    public EpochLog runEpoch() {
        int epoch = history.size();
        int batch = recipe.batchSize();
        int steps = trainIndices.length / batch; // whole batches: batch norm needs more than one image
        Random random = new Random(recipe.seed() * 1_000_003L + epoch);
        int[] order = shuffled(trainIndices, random);
        network.setTraining(true);
        long start = System.nanoTime();
        double lossSum = 0;
        long correct = 0;
        double lr = 0;
        for (int step = 0; step < steps; step++) {
            lr = recipe.learningRate((long) epoch * steps + step, steps);
            float[] images = Batches.images(data, order, step * batch, batch, random);
            float[] targets = Batches.smoothedTargets(data, order, step * batch, batch, 10, (float) recipe.labelSmoothing());
            try (NDManager scope = manager.newSubManager()) {
                NDArray input = scope.create(images, new Shape(batch, 1, FashionMnist.SIDE, FashionMnist.SIDE));
                NDArray target = scope.create(targets, new Shape(batch, config.numClasses()));
                NDArray logits;
                NDArray loss;
                try (GradientCollector collector = Engine.getEngine("PyTorch").newGradientCollector()) {
                    logits = network.forward(input, CaptureSink.NONE);
                    // cross-entropy against the smoothed one-hot targets
                    loss = logits.logSoftmax(1).mul(target).sum(new int[] {1}).neg().mean();
                    collector.backward(loss);
                }
                sgd.step(trainable, lr);
                lossSum += loss.getFloat();
                correct += countCorrect(logits, order, step * batch);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double validation = accuracy(data, validationIndices);
        EpochLog log = new EpochLog(epoch + 1, lr, lossSum / steps, (double) correct / (steps * batch),
                validation, steps * batch / seconds, seconds);
        history.add(log);
        return log;
    }

    private long countCorrect(NDArray logits, int[] indices, int from) {
        int[] predicted = logits.argMax(1).toType(DataType.INT32, false).toIntArray();
        long correct = 0;
        for (int i = 0; i < predicted.length; i++) {
            correct += predicted[i] == data.label(indices[from + i]) ? 1 : 0;
        }
        return correct;
    }

    /** Top-1 accuracy with the running statistics (inference mode). */
    public double accuracy(FashionMnist.Split split, int[] indices) {
        network.setTraining(false);
        return Evaluation.accuracy(network, manager, split, indices);
    }

    /** Everything needed to continue: weights, statistics, momentum, history. */
    public void saveCheckpoint(Path file) throws IOException {
        Map<String, NDArray> tensors = weights();
        sgd.state().forEach((key, v) -> tensors.put(MOMENTUM + key, v));
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put(Metadata.CONFIG, GSON.toJson(config));
        meta.put(RECIPE, GSON.toJson(recipe));
        meta.put(EPOCH, Integer.toString(history.size()));
        meta.put(HISTORY, GSON.toJson(history));
        SafetensorsWriter.write(file, tensors, meta);
    }

    /** The trained model: official keys, and the metadata that lets SplitScope open it without flags. */
    public void saveModel(Path file, String name) throws IOException {
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put(Metadata.NAME, name);
        meta.put(Metadata.CONFIG, GSON.toJson(config));
        meta.put(Metadata.PREPROCESSING, GSON.toJson(PREPROCESSING));
        meta.put(Metadata.LABELS, GSON.toJson(FashionMnist.LABELS));
        SafetensorsWriter.write(file, weights(), meta);
    }

    private Map<String, NDArray> weights() {
        Map<String, NDArray> tensors = new LinkedHashMap<>();
        for (var p : network.getParameters()) {
            tensors.put(p.getKey(), p.getValue().getArray());
        }
        return tensors;
    }

    private static int[] permutation(int n, Random random) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        return shuffled(all, random);
    }

    private static int[] shuffled(int[] values, Random random) {
        int[] out = values.clone();
        for (int i = out.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = out[i];
            out[i] = out[j];
            out[j] = t;
        }
        return out;
    }

    @Override
    public void close() {
        manager.close();
    }
}
