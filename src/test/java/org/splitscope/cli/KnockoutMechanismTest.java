package org.splitscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitscope.SplitScopeException;
import org.splitscope.capture.BlockMechanism;
import org.splitscope.model.Mechanism;
import org.splitscope.view.knockout.KnockoutFigure;
import org.splitscope.view.knockout.KnockoutResult;

/**
 * knockout.json names each block's mechanism as capture.json does (mechanism, module, gate, SK's paths
 * with kernel and dilation), written by the knockout command on the bundled SE and SK models and read
 * back; a knockout.json from before it did still reads (mechanism unknown), and an edited one is one line.
 * The file also names its input, which the figure's caption shows (not the output folder's name).
 */
class KnockoutMechanismTest {
    @TempDir
    Path temp;

    /** Two sample images without labels: the sweep's numbers do not matter here, only what it records. */
    private Path images() throws Exception {
        Path dir = Files.createDirectories(temp.resolve("images"));
        for (String name : List.of("ankle-boot-0000.png", "bag-0018.png")) {
            Files.copy(Path.of("resources/samples/fashion-mnist", name), dir.resolve(name));
        }
        return dir;
    }

    private JsonArray knockout(String model, Path out) throws Exception {
        CliRunner.Run run = CliRunner.run("knockout", "--model", "models/" + model + ".safetensors", "--input",
                images().toString(), "--out", out.toString(), "--device", "cpu");
        assertEquals(0, run.status(), run.err());
        JsonObject json = JsonParser.parseString(Files.readString(out.resolve(KnockoutResult.JSON))).getAsJsonObject();
        JsonArray blocks = json.getAsJsonArray("blocks");
        assertEquals(6, blocks.size(), "layers 2, 2, 2: six attention blocks");
        return blocks;
    }

    @Test
    void seBlocksAreSigmoidGatesWithoutPaths() throws Exception {
        Path out = temp.resolve("se");
        JsonArray blocks = knockout("fmnist-se1x64d", out);
        for (var e : blocks) {
            JsonObject b = e.getAsJsonObject();
            String name = b.get("block").getAsString();
            assertEquals("se", b.get("mechanism").getAsString(), name);
            assertEquals(name + ".se", b.get("module").getAsString());
            assertEquals("sigmoid", b.get("gate").getAsString());
            assertFalse(b.has("paths"), "a gate has no paths: " + b);
        }
        KnockoutResult read = KnockoutResult.read(out);
        // the caption names the input folder, not the folder the result was written to
        assertEquals("images", read.input());
        assertEquals("fmnist-se1x64d · images (2 images) · every block (uniform)",
                KnockoutFigure.provenance(read, org.splitscope.render.Colormap.VIRIDIS).caption());
        assertEquals("each block's squeeze-excitation gate (uniform: gate 1)", KnockoutFigure.subject(read));
        for (KnockoutResult.Effect e : read.blocks()) {
            assertEquals(Mechanism.SE, e.mechanism().mechanism());
            assertEquals(List.of(), e.mechanism().paths());
        }
        assertEquals(List.of("block", "stage", "delta_logit", "delta_probability", "delta_top1", "top1_changed",
                "mechanism", "paths"), KnockoutFigure.data(read).columns());
        assertEquals("se", KnockoutFigure.data(read).rows().get(0).get(6));
    }

    @Test
    void skBlocksNameEachPathsKernelAndDilation() throws Exception {
        Path out = temp.resolve("sk");
        JsonArray blocks = knockout("fmnist-sk2s1x64d", out);
        for (var e : blocks) {
            JsonObject b = e.getAsJsonObject();
            String name = b.get("block").getAsString();
            assertEquals("sk", b.get("mechanism").getAsString(), name);
            assertEquals(name + ".conv2", b.get("module").getAsString());
            assertEquals("softmax over paths", b.get("gate").getAsString());
            JsonArray paths = b.getAsJsonArray("paths");
            assertEquals(2, paths.size());
            assertEquals(3, paths.get(0).getAsJsonObject().get("kernel").getAsInt());
            assertEquals(1, paths.get(0).getAsJsonObject().get("dilation").getAsInt());
            assertEquals(3, paths.get(1).getAsJsonObject().get("kernel").getAsInt());
            assertEquals(2, paths.get(1).getAsJsonObject().get("dilation").getAsInt());
        }
        KnockoutResult read = KnockoutResult.read(out);
        BlockMechanism first = read.blocks().get(0).mechanism();
        assertEquals(new BlockMechanism(Mechanism.SK, "layer1.0.conv2", "softmax over paths",
                List.of(new BlockMechanism.KernelPath(3, 1), new BlockMechanism.KernelPath(3, 2))), first);
        assertEquals("3×3, 3×3 dilation 2", first.pathWords());
        assertEquals("each block's SK paths 3×3, 3×3 dilation 2 (uniform: each 1/M)", KnockoutFigure.subject(read));
        assertEquals("3×3, 3×3 dilation 2", KnockoutFigure.data(read).rows().get(0).get(7));

        // written again from what was read: the same file (the reader loses nothing the writer wrote)
        JsonObject again = read.json();
        JsonObject original = JsonParser.parseString(Files.readString(out.resolve(KnockoutResult.JSON))).getAsJsonObject();
        original.remove("skipped");
        assertEquals(original, again);
    }

    private static final String OLD = """
            {"model": {"name": "m", "sha256": null}, "mode": "uniform", "target": "true class", "images": 3,
             "labelled": 3, "top1": 0.5, "blocks": [
              {"block": "layer1.0", "stage": 1, "deltaLogit": -0.5, "deltaProbability": -0.1, "deltaTop1": 0.0, "top1Changed": 0.2%s},
              {"block": "layer2.0", "stage": 2, "deltaLogit": 1.5, "deltaProbability": 0.1, "deltaTop1": -0.5, "top1Changed": 0.0}]}
            """;

    private KnockoutResult read(String extra) throws Exception {
        Path dir = Files.createDirectories(temp.resolve("k" + Math.abs(extra.hashCode())));
        Files.writeString(dir.resolve(KnockoutResult.JSON), String.format(OLD, extra));
        return KnockoutResult.read(dir);
    }

    @Test
    void aKnockoutJsonWithoutMechanismsStillReadsAndAnEditedOneIsOneLine() throws Exception {
        KnockoutResult old = read("");
        assertNull(old.input());
        assertEquals("each attention block (uniform)", KnockoutFigure.subject(old), "no mechanism guessed");
        assertEquals("m · 3 images · every block (uniform)",
                KnockoutFigure.provenance(old, org.splitscope.render.Colormap.VIRIDIS).caption(), "the count alone");
        assertNull(old.blocks().get(0).mechanism());
        assertNull(KnockoutFigure.data(old).rows().get(0).get(6), "unknown, not guessed");
        assertTrue(old.json().getAsJsonArray("blocks").get(0).getAsJsonObject().keySet().stream()
                .noneMatch(k -> k.equals("mechanism")));

        String se = ", \"mechanism\": \"se\", \"module\": \"layer1.0.se\", \"gate\": \"sigmoid\"";
        assertEquals(Mechanism.SE, read(se).blocks().get(0).mechanism().mechanism());
        assertNull(read(se).blocks().get(1).mechanism(), "a block without it stays unknown");

        for (var c : List.of(
                List.of(se.replace("\"se\",", "\"xx\","), "field 'blocks[0].mechanism' is 'xx', no attention"),
                List.of(se.replace("layer1.0.se", "layer2.0.se"), "field 'blocks[0].module' is not a module of block layer1.0"),
                List.of(se.replace("\"sigmoid\"", "\"softmax over paths\""), "field 'blocks[0].gate' is 'softmax over paths', not the gate se has"),
                List.of(se + ", \"paths\": []", "field 'blocks[0].paths' is there, but only SK blocks have paths"),
                List.of(", \"mechanism\": \"sk\", \"module\": \"layer1.0.conv2\", \"gate\": \"softmax over paths\", "
                        + "\"paths\": [{\"kernel\": 3, \"dilation\": 1}]", "field 'blocks[0].paths' has 1 entries"),
                List.of(", \"mechanism\": \"sk\", \"module\": \"layer1.0.conv2\", \"gate\": \"softmax over paths\", "
                        + "\"paths\": [{\"kernel\": 3, \"dilation\": 1}, {\"kernel\": 3, \"dilation\": 99}]",
                        "field 'blocks[0].paths[1].dilation' is 99.0, outside 1 – 16"))) {
            SplitScopeException e = assertThrows(SplitScopeException.class, () -> read(c.get(0)), c.get(0));
            assertTrue(e.getMessage().startsWith("knockout.json: ") && e.getMessage().contains(c.get(1)),
                    e.getMessage());
            assertEquals(1, e.getMessage().lines().count());
        }
    }
}
