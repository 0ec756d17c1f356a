package org.splitscope.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import com.google.gson.Gson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitscope.TestSupport;
import org.splitscope.capture.Capture;
import org.splitscope.engine.LoadedModel;
import org.splitscope.engine.ModelLoader;
import org.splitscope.model.Metadata;
import org.splitscope.model.ResNeSt;
import org.splitscope.model.ResNeStConfig;
import org.splitscope.model.Weights;

/** DJL's own parameter files: written by SplitScope or by DJL's Model.save, read back exactly. */
class DjlParamsTest {
    @TempDir
    Path temp;

    /** r2k2 uses the small-input stem (stride 1, no pool), which only the stored config can tell. */
    private static final ResNeStConfig R2K2 = ResNeStConfig.builder().layers(1, 2, 1, 1).radix(2).cardinality(2)
            .basePlanes(4).stemWidth(4).stemStride(1).stemPool(false).numClasses(10).build();

    private static ResNeSt network(NDManager manager) throws Exception {
        ResNeSt network = new ResNeSt(R2K2);
        Weights.assign(network, Checkpoints.read(TestSupport.resource("parity/r2k2.safetensors"), manager).tensors());
        return network;
    }

    @Test
    void roundTripKeepsEveryTensorAndTheConfig() throws Exception {
        Path file = temp.resolve("r2k2.params");
        try (NDManager manager = TestSupport.manager()) {
            Map<String, NDArray> original = Checkpoints.read(TestSupport.resource("parity/r2k2.safetensors"), manager).tensors();
            DjlParams.write(network(manager), "r2k2", Map.of("note", "test"), file);

            StateDict read = Checkpoints.read(file, manager);
            assertEquals("test", read.metadata().get("note"));
            assertEquals(R2K2, new Gson().fromJson(read.metadata().get(Metadata.CONFIG), ResNeStConfig.class));
            for (Map.Entry<String, NDArray> e : read.tensors().entrySet()) {
                assertArrayEquals(original.get(e.getKey()).toFloatArray(), e.getValue().toFloatArray(), e.getKey());
            }
            assertEquals(original.keySet().stream().filter(k -> !k.endsWith("num_batches_tracked")).count(),
                    read.tensors().size());
        }
        // The config travels with the file, so the loader builds the right stem without flags.
        try (LoadedModel model = ModelLoader.load(new ModelLoader.Request(file, null, false, null, Device.cpu()));
                NDManager manager = TestSupport.manager()) {
            Map<String, NDArray> expected = TestSupport.decode(manager, TestSupport.resource("parity/r2k2.expected.npz"));
            float[] logits = Capture.logits(model.network(), expected.get("input").toDevice(Device.cpu(), true));
            assertTrue(TestSupport.maxAbsDiff(expected.get("logits").toFloatArray(), logits) < 1e-4);
        }
    }

    @Test
    void readsWhatDjlsModelSaveWrites() throws Exception {
        try (NDManager manager = TestSupport.manager(); Model model = Model.newInstance("r2k2", Device.cpu(), "PyTorch")) {
            model.setBlock(network(manager));
            model.setProperty(Metadata.CONFIG, new Gson().toJson(R2K2));
            model.save(temp, "r2k2");
            StateDict read = Checkpoints.read(temp.resolve("r2k2-0000.params"), manager);
            assertTrue(read.tensors().containsKey("layer2.1.conv2.fc2.bias"));
        }
    }

    @Test
    void fileWithoutConfigOrCutShortIsRefusedByName() throws Exception {
        Path file = temp.resolve("plain-0000.params");
        try (NDManager manager = TestSupport.manager(); Model model = Model.newInstance("plain", Device.cpu(), "PyTorch")) {
            model.setBlock(network(manager));
            model.save(temp, "plain");
            CheckpointException missing = assertThrows(CheckpointException.class, () -> Checkpoints.read(file, manager));
            assertTrue(missing.getMessage().contains("without the 'splitscope.config' property"), missing.getMessage());

            Path good = temp.resolve("good.params");
            DjlParams.write(network(manager), "r2k2", Map.of(), good);
            byte[] bytes = Files.readAllBytes(good);
            for (int cut : new int[] {3, 10, 40, bytes.length / 3, bytes.length - 1}) {
                Path cutFile = temp.resolve("cut" + cut + ".params");
                Files.write(cutFile, Arrays.copyOf(bytes, cut));
                CheckpointException e = assertThrows(CheckpointException.class, () -> Checkpoints.read(cutFile, manager));
                assertTrue(e.getMessage().startsWith(cutFile.getFileName().toString()), e.getMessage());
            }
        }
    }
}
