package org.splitscope.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.Shape;
import com.google.gson.Gson;
import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.splitscope.TestSupport;

/**
 * Every SE/ECA/SK preset is timm's architecture key for key and shape for shape: the network built
 * from the preset hashes its sorted "key [shape]" lines as make_family_shapes.py hashed timm's state
 * dict; and the architecture inferred from those shapes is the preset's.
 */
class PresetShapesTest {

    static Stream<String> architectures() throws Exception {
        return timm().keySet().stream();
    }

    private static Map<String, JsonObject> timm() throws Exception {
        JsonObject all = new Gson().fromJson(
                Files.readString(TestSupport.resource("parity/family/timm-shapes.json")), JsonObject.class);
        return all.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().getAsJsonObject()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("architectures")
    void presetIsTimmsArchitecture(String arch) throws Exception {
        assertPresetHasShapes(arch, timm().get(arch));
    }

    /** The preset's network has the expected tensors, values and hash of sorted "key [shape]" lines; inferred back. */
    static void assertPresetHasShapes(String arch, JsonObject expected) throws Exception {
        Preset preset = Presets.find(arch).orElseThrow();
        Map<String, Shape> shapes = new ResNeSt(preset.config()).parameterShapes();
        List<String> lines = shapes.entrySet().stream()
                .map(e -> e.getKey() + " " + LongStream.of(e.getValue().getShape()).mapToObj(Long::toString)
                        .collect(Collectors.joining(", ", "[", "]")))
                .sorted().toList();
        assertEquals(expected.get("tensors").getAsInt(), lines.size(), arch + ": tensors");
        assertEquals(expected.get("values").getAsLong(), shapes.values().stream().mapToLong(Shape::size).sum(), arch);
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
        assertEquals(expected.get("sha256").getAsString(), HexFormat.of().formatHex(digest), arch + ": keys or shapes differ");

        assertEquals(preset.config(), ArchitectureInference.infer(shapes), arch + ": inferred from its shapes");
    }

    @Test
    void everyTagHasItsArchitecture() {
        for (Preset p : Presets.all()) {
            int dot = p.name().indexOf('.');
            if (dot > 0) {
                Preset arch = Presets.find(p.name().substring(0, dot)).orElseThrow();
                assertEquals(arch.config(), p.config(), p.name());
                assertTrue(p.preprocessing().size() >= 160, p.name());
            }
        }
    }
}
