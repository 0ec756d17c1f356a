package org.splitscope.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.splitscope.SplitScopeException;
import org.splitscope.runtime.Engines;
import org.splitscope.model.ResNeStConfig;
import org.splitscope.train.EpochLog;
import org.splitscope.train.Evaluation;
import org.splitscope.train.FashionMnist;
import org.splitscope.train.ModelCards;
import org.splitscope.train.Recipe;
import org.splitscope.train.Training;
import org.splitscope.train.FashionMnistNetworks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "train", description = "Train a ResNeSt variant on Fashion-MNIST (CPU); writes the model, its card and per-epoch checkpoints.")
final class TrainCommand implements Callable<Integer> {
    @Option(names = "--variant", defaultValue = FashionMnistNetworks.DEFAULT,
            description = "One of: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).", completionCandidates = VariantNames.class)
    String variant;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where <variant>.safetensors, .json and .ckpt.safetensors go.")
    Path out;

    @Option(names = "--data", paramLabel = "DIR", description = "Fashion-MNIST IDX files (default: Debian's ${DEFAULT-VALUE}).",
            defaultValue = "/usr/share/datasets/fashion-mnist")
    Path data;

    @Option(names = "--epochs", description = "Default: the standard recipe's 15.")
    Integer epochs;

    @Option(names = "--batch", description = "Default: 128.")
    Integer batch;

    @Option(names = "--seed", description = "Default: 42.")
    Long seed;

    @Option(names = "--limit", paramLabel = "N", description = "Train on only N images (quick runs).")
    int limit;

    @Option(names = "--threads", defaultValue = "2", description = "Intra-op threads (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--resume", description = "Continue from <variant>.ckpt.safetensors in --out.")
    boolean resume;

    static final class VariantNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return FashionMnistNetworks.all().keySet().iterator();
        }
    }

    @Override
    public Integer call() throws SplitScopeException {
        Engines.configure(threads);
        ResNeStConfig config = FashionMnistNetworks.find(variant).orElseThrow(() -> new SplitScopeException(
                "--variant: unknown '" + variant + "'; known: "
                + String.join(", ", FashionMnistNetworks.all().keySet())));
        Recipe recipe = Recipe.standard();
        if (epochs != null) {
            recipe = recipe.withEpochs(epochs);
        }
        if (batch != null) {
            recipe = recipe.withBatchSize(batch);
        }
        if (seed != null) {
            recipe = recipe.withSeed(seed);
        }
        if (limit > 0) {
            recipe = recipe.withLimit(limit, Math.min(recipe.validationImages(), Math.max(limit / 5, 100)));
        }
        FashionMnist.Split train = FashionMnist.train(data);
        Path checkpoint = out.resolve(variant + ".ckpt.safetensors");
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new SplitScopeException(out + ": cannot create (" + e.getMessage() + ")");
        }
        long start = System.nanoTime();
        try (Training training = resume
                ? Training.resume(checkpoint, train, Engines.device("cpu"))
                : Training.start(config, recipe, train, Engines.device("cpu"))) {
            System.out.printf(Locale.ROOT, "%s: %d training / %d validation images, %d epochs%s%n", variant,
                    training.trainImages(), training.validationImages(), training.recipe().epochs(),
                    resume ? ", resuming after epoch " + training.epochsDone() : "");
            while (!training.finished()) {
                EpochLog log = training.runEpoch();
                training.saveCheckpoint(checkpoint);
                double left = log.seconds() * (training.recipe().epochs() - training.epochsDone());
                System.out.printf(Locale.ROOT, "epoch %2d/%d  lr %.4f  loss %.4f  train %.2f%%  val %.2f%%  %.0f img/s  %s left%n",
                        log.epoch(), training.recipe().epochs(), log.learningRate(), log.loss(),
                        100 * log.trainAccuracy(), 100 * log.validationAccuracy(), log.imagesPerSecond(), duration(left));
            }
            FashionMnist.Split test = FashionMnist.test(data);
            double testAccuracy = training.accuracy(test, Evaluation.everyIndex(test));
            Path model = out.resolve(variant + ".safetensors");
            training.saveModel(model, variant);
            ModelCards.write(out.resolve(variant + ".json"), variant, model, training, testAccuracy,
                    (System.nanoTime() - start) / 6e10, threads);
            System.out.printf(Locale.ROOT, "test top-1 %.2f%% on %d images → %s%n", 100 * testAccuracy, test.size(), model);
            return 0;
        } catch (IOException e) {
            throw new SplitScopeException(out + ": cannot write (" + e.getMessage() + ")", e);
        }
    }

    private static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 60 ? (s / 60) + "m" + String.format(Locale.ROOT, "%02d", s % 60) + "s" : s + "s";
    }
}
