package org.splitscope.train;

/**
 * How a network is trained: SGD with Nesterov momentum, linear warm-up then a cosine schedule,
 * label smoothing, weight decay on conv/linear weights, a fixed seed. Written into every model card.
 *
 * @param validationImages held out from the training set (the test set is only used at the end)
 * @param limit train on only this many images (0: all; for quick runs and tests)
 */
public record Recipe(
        int epochs,
        int batchSize,
        double learningRate,
        double momentum,
        double weightDecay,
        double labelSmoothing,
        double warmupEpochs,
        long seed,
        int validationImages,
        int limit) {

    public static Recipe standard() {
        return new Recipe(15, 128, 0.1, 0.9, 5e-4, 0.1, 1.0, 42, 5000, 0);
    }

    public Recipe withEpochs(int value) {
        return new Recipe(value, batchSize, learningRate, momentum, weightDecay, labelSmoothing, warmupEpochs,
                seed, validationImages, limit);
    }

    public Recipe withLimit(int trainImages, int validation) {
        return new Recipe(epochs, batchSize, learningRate, momentum, weightDecay, labelSmoothing, warmupEpochs,
                seed, validation, trainImages);
    }

    public Recipe withBatchSize(int value) {
        return new Recipe(epochs, value, learningRate, momentum, weightDecay, labelSmoothing, warmupEpochs,
                seed, validationImages, limit);
    }

    public Recipe withSeed(long value) {
        return new Recipe(epochs, batchSize, learningRate, momentum, weightDecay, labelSmoothing, warmupEpochs,
                value, validationImages, limit);
    }

    /** Learning rate at a step: linear warm-up, then cosine decay to zero. */
    public double learningRate(long step, long stepsPerEpoch) {
        double warmup = warmupEpochs * stepsPerEpoch;
        double total = (double) epochs * stepsPerEpoch;
        if (step < warmup) {
            return learningRate * (step + 1) / warmup;
        }
        double progress = (step - warmup) / Math.max(1, total - warmup);
        return learningRate * 0.5 * (1 + Math.cos(Math.PI * progress));
    }
}
