package org.splitscope.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitscope.SplitScopeException;
import org.splitscope.TestSupport;
import org.splitscope.checkpoint.CheckpointException;
import org.splitscope.checkpoint.SafetensorsWriter;
import org.splitscope.input.Preprocessing;

class ModelLoaderTest {
    @TempDir
    static Path temp;
    static Path resnest14d;

    /** A resnest14d-shaped checkpoint (random weights), the way timm publishes it: safetensors, no metadata. */
    @BeforeAll
    static void writeCheckpoint() throws Exception {
        TestSupport.manager().close();
        resnest14d = temp.resolve("resnest14d.safetensors");
        try (LoadedModel model = ModelLoader.random(ModelLoader.preset("resnest14d"), Device.cpu(), 1)) {
            Map<String, NDArray> tensors = new LinkedHashMap<>();
            for (Pair<String, Parameter> p : model.network().getParameters()) {
                tensors.put(p.getKey(), p.getValue().getArray());
            }
            SafetensorsWriter.write(resnest14d, tensors, Map.of());
        }
    }

    private static LoadedModel load(Path file, String preset, Path labels) throws SplitScopeException {
        return ModelLoader.load(new ModelLoader.Request(file, preset, false, labels, Device.cpu()));
    }

    @Test
    void presetMatchingTheWeightsGivesItsPreprocessing() throws Exception {
        try (LoadedModel model = load(resnest14d, "resnest14d", null)) {
            assertEquals("resnest14d", model.name());
            assertEquals(Preprocessing.Interpolation.BILINEAR, model.preprocessing().interpolation());
            assertEquals("tench", model.labels().get(0));
            assertEquals(4, model.network().blocks().size());
        }
        try (LoadedModel model = load(resnest14d, null, null)) {
            assertEquals(List.of(1, 1, 1, 1), model.config().layers());
            assertEquals(32, model.config().stemWidth());
        }
    }

    @Test
    void presetContradictingTheWeightsIsRefused() {
        CheckpointException e = assertThrows(CheckpointException.class, () -> load(resnest14d, "resnest50d", null));
        assertTrue(e.getMessage().contains("layers [1, 1, 1, 1] in the weights, [3, 4, 6, 3] in the preset"), e.getMessage());
        CheckpointException wide = assertThrows(CheckpointException.class, () -> load(resnest14d, "resnest101e", null));
        assertTrue(wide.getMessage().contains("stem width 32 in the weights, 64 in the preset"), wide.getMessage());
    }

    @Test
    void labelFileOverridesAndMustMatchTheClassCount() throws Exception {
        Path model = TestSupport.resource("parity/r2k1.safetensors");
        Path labels = temp.resolve("labels.txt");
        Files.writeString(labels, "zero\none\ntwo\nthree\nfour\nfive\nsix\nseven\neight\nnine\n\n");
        try (LoadedModel loaded = load(model, null, labels)) {
            assertEquals("nine", loaded.labels().get(9));
        }
        Files.writeString(labels, "zero\none\n");
        SplitScopeException e = assertThrows(SplitScopeException.class, () -> load(model, null, labels));
        assertEquals("labels.txt: 2 labels, but the model has 10 classes", e.getMessage());
    }

    @Test
    void unknownPresetListsTheKnownOnes() {
        SplitScopeException e = assertThrows(SplitScopeException.class, () -> load(resnest14d, "resnest51", null));
        assertTrue(e.getMessage().contains("resnest50d_4s2x40d"), e.getMessage());
    }

    @Test
    void namesAndLabelsFromAFileCannotDriveTheTerminal(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path file = dir.resolve("hostile.safetensors");
        java.util.Map<String, String> metadata = new java.util.LinkedHashMap<>();
        String evil = "\u001b[2J\u001b[31mowned\nerror: fake line\u202Etxt.exe";
        java.util.List<String> labels = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            labels.add(i == 3 ? evil : "class " + i);
        }
        metadata.put(org.splitscope.model.Metadata.NAME, evil);
        metadata.put(org.splitscope.model.Metadata.LABELS, new com.google.gson.Gson().toJson(labels));
        try (var manager = TestSupport.manager()) {
            var tensors = org.splitscope.checkpoint.Checkpoints.read(TestSupport.resource("parity/r2k2_gray28.safetensors"),
                    manager).tensors();
            org.splitscope.checkpoint.SafetensorsWriter.write(file, tensors, metadata);
        }
        try (LoadedModel model = ModelLoader.load(new ModelLoader.Request(file, null, false, null, Device.cpu()))) {
            for (String text : List.of(model.name(), model.labels().get(3))) {
                assertTrue(text.chars().noneMatch(c -> c < 0x20 || c == 0x7F || c == 0x202E), text);
                assertEquals("\\x1B[2J\\x1B[31mowned\\x0Aerror: fake line\\u202Etxt.exe", text, "visible, not obeyed");
            }
        }
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "splitscope.config|{\"layers\":[1,1,1],\"radix\":99,\"cardinality\":2}|radix must be 0 to 32",
        "splitscope.config|{\"radix\":2}|a required value is missing or null",
        "splitscope.config|{\"layers\":[1,null]}|a required value is missing or null",
        "splitscope.config|[1, 2]|not of the expected form",
        "splitscope.config|\"resnest\"|not of the expected form",
        "splitscope.preprocessing|{\"size\":0,\"cropFraction\":1,\"interpolation\":\"BILINEAR\",\"mean\":[0.5],\"std\":[0.5],\"channels\":1}|size must be 1 to 2048",
        "splitscope.preprocessing|{\"size\":100000,\"cropFraction\":1,\"interpolation\":\"BILINEAR\",\"mean\":[0.5],\"std\":[0.5],\"channels\":1}|size must be 1 to 2048",
        "splitscope.preprocessing|{\"size\":28,\"cropFraction\":1,\"interpolation\":\"BILINEAR\",\"mean\":[],\"std\":[0.5],\"channels\":1}|mean and std need 1 values each",
        "splitscope.preprocessing|{\"size\":28,\"cropFraction\":1,\"interpolation\":\"LANCZOS\",\"mean\":[0.5],\"std\":[0.5],\"channels\":1}|interpolation must be bilinear or bicubic",
        "splitscope.preprocessing|null|is empty",
        "splitscope.labels|[\"a\",null,\"c\",\"d\",\"e\",\"f\",\"g\",\"h\",\"i\",\"j\"]|a class name is null",
        "splitscope.labels|{\"a\": 1}|not of the expected form",
    })
    void badMetadataIsOneLineNamingTheFileAndTheKey(String key, String json, String problem,
            @TempDir Path dir) throws Exception {
        Path file = dir.resolve("meta.safetensors");
        try (var manager = TestSupport.manager()) {
            var tensors = org.splitscope.checkpoint.Checkpoints.read(TestSupport.resource("parity/r2k2_gray28.safetensors"),
                    manager).tensors();
            SafetensorsWriter.write(file, tensors, Map.of(key, json));
        }
        SplitScopeException e = assertThrows(SplitScopeException.class,
                () -> ModelLoader.load(new ModelLoader.Request(file, null, false, null, Device.cpu())));
        String m = e.getMessage();
        assertTrue(m.startsWith("meta.safetensors: ") || m.startsWith(file + ": "), m);
        assertTrue(m.contains(key), m);
        assertTrue(m.contains(problem), m);
        assertEquals(1, m.lines().count(), m);
        assertTrue(!m.contains("Exception") && !m.contains("http"), m);
    }
}
