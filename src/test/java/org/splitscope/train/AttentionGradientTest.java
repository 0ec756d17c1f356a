package org.splitscope.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import com.google.gson.Gson;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.splitscope.TestSupport;
import org.splitscope.checkpoint.Checkpoints;
import org.splitscope.checkpoint.StateDict;
import org.splitscope.model.CaptureSink;
import org.splitscope.model.Metadata;
import org.splitscope.model.ResNeSt;
import org.splitscope.model.ResNeStConfig;
import org.splitscope.model.Weights;

/**
 * Training's gradients are the network's: for each mechanism, autograd's gradient of its first
 * attention layer (SplAt fc1, SE fc1, ECA's 1-d conv, SK fc_reduce) and of the conv that feeds the
 * attention (whose gradient flows both straight on and back through the GAP and the gate) equals a
 * central finite difference, in training mode, from the bundled trained weights. An op that silently
 * detaches (as {@code duplicate()} once did to the sum of the splits before the GAP) leaves part of the
 * gradient out while the loss still falls.
 */
class AttentionGradientTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"fmnist-2s1x64d, layer2.1.conv2.fc1.weight", "fmnist-2s1x64d, layer2.1.conv2.conv.weight",
        "fmnist-se1x64d, layer2.1.se.fc1.weight", "fmnist-se1x64d, layer2.1.conv3.weight",
        "fmnist-eca1x64d, layer2.1.se.conv.weight", "fmnist-eca1x64d, layer2.1.conv3.weight",
        "fmnist-sk2s1x64d, layer2.1.conv2.attn.fc_reduce.weight", "fmnist-sk2s1x64d, layer2.1.conv2.paths.0.conv.weight"})
    void autogradMatchesAFiniteDifference(String model, String key) throws Exception {
        try (NDManager manager = TestSupport.manager().newSubManager()) {
            StateDict dict = Checkpoints.read(Path.of("models", model + ".safetensors"), manager);
            ResNeStConfig config = new Gson().fromJson(dict.metadata().get(Metadata.CONFIG), ResNeStConfig.class);
            ResNeSt network = new ResNeSt(config);
            Weights.assign(network, dict.tensors());
            network.setTraining(true); // batch statistics, as in training
            Parameter parameter = Weights.parametersByKey(network).get(key);
            NDArray weight = parameter.getArray();
            weight.setRequiresGradient(true);

            Random random = new Random(7);
            float[] pixels = new float[4 * 28 * 28];
            for (int i = 0; i < pixels.length; i++) {
                pixels[i] = (float) random.nextGaussian();
            }
            NDArray input = manager.create(pixels, new Shape(4, 1, 28, 28));
            float[] mix = new float[4 * config.numClasses()];
            for (int i = 0; i < mix.length; i++) {
                mix[i] = (float) random.nextGaussian();
            }
            NDArray direction = manager.create(mix, new Shape(4, config.numClasses()));

            float[] gradient;
            try (GradientCollector collector = Engine.getEngine("PyTorch").newGradientCollector()) {
                NDArray loss = network.forward(input, CaptureSink.NONE).mul(direction).sum();
                collector.backward(loss);
                gradient = weight.getGradient().toFloatArray();
            }
            double largest = 0;
            int at = 0;
            for (int i = 0; i < gradient.length; i++) {
                if (Math.abs(gradient[i]) > largest) {
                    largest = Math.abs(gradient[i]);
                    at = i;
                }
            }
            assertTrue(largest > 1e-4, model + ": no gradient reaches " + key);
            // the largest entry and two others, each against (L(w + h) − L(w − h)) / 2h
            for (int i : new int[] {at, (at + gradient.length / 3) % gradient.length, (at + 2 * gradient.length / 3) % gradient.length}) {
                float[] w = weight.toFloatArray();
                double h = 1e-3; // small enough for the ReLU kinks, large enough for float32 losses (measured: ≤ 0.4 %)
                double plus = lossWith(network, weight, w, i, h, input, direction);
                double minus = lossWith(network, weight, w, i, -h, input, direction);
                weight.set(w);
                double numeric = (plus - minus) / (2 * h);
                assertEquals(numeric, gradient[i], 0.01 * largest + 1e-3, model + " " + key + "[" + i + "]");
            }
        }
    }

    private static double lossWith(ResNeSt network, NDArray weight, float[] w, int i, double h, NDArray input,
            NDArray direction) {
        float[] moved = w.clone();
        moved[i] += (float) h;
        weight.set(moved);
        try (NDArray logits = network.forward(input, CaptureSink.NONE); NDArray loss = logits.mul(direction).sum()) {
            return loss.getFloat();
        }
    }
}
