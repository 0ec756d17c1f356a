package org.splitscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** figure --view depth: every block of one image in one file; bad requests end in one line and no file. */
class DepthFigureCommandTest {
    private static final String IMAGE = "resources/samples/fashion-mnist/dress-0013.png";

    @TempDir
    Path temp;

    @Test
    void writesTheDepthProfileOfEveryBlock() throws Exception {
        Path svg = temp.resolve("depth.svg");
        CliRunner.Run run = CliRunner.run("figure", "--view", "depth", "--model", "fmnist-4s1x64d", "--input", IMAGE,
                "--block", "layer2.1", "--device", "cpu", "--out", svg.toString());
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("depth of layer2.1"), run.out());
        String text = Files.readString(svg);
        for (String s : new String[] {"Depth profile", "layer1", "layer3", "layer2.1", "r = 3", "saturation",
            "every block (layer2.1 selected)"}) {
            assertTrue(text.contains(s), "the SVG has " + s);
        }
    }

    @Test
    void badBlockModelOrInputIsOneLineAndNoFile() throws Exception {
        Path out = temp.resolve("bad.png");
        String[][] bad = {
            {"--model", "fmnist-4s1x64d", "--input", IMAGE, "--block", "layer9.9"},
            {"--model", temp.resolve("missing.safetensors").toString(), "--input", IMAGE},
            {"--model", "fmnist-0s1x64d", "--input", IMAGE},
            {"--model", "fmnist-4s1x64d", "--input", temp.resolve("missing.png").toString()},
            {"--model", "fmnist-4s1x64d"},
        };
        String[] expected = {"--block: no split-attention block 'layer9.9'", "missing.safetensors: no such file",
            "no split-attention blocks (radix 0)", "missing.png: no such file", "--input IMAGE is needed"};
        for (int i = 0; i < bad.length; i++) {
            List<String> args = new ArrayList<>(List.of("figure", "--view", "depth", "--device", "cpu", "--out",
                    out.toString()));
            args.addAll(List.of(bad[i]));
            CliRunner.Run run = CliRunner.run(args.toArray(String[]::new));
            String what = String.join(" ", bad[i]);
            assertEquals(SplitScopeCli.USER_ERROR, run.status(), what);
            assertTrue(run.err().startsWith("error: ") && run.err().contains(expected[i]), what + ": " + run.err());
            assertEquals(1, run.err().strip().lines().count(), "one line: " + run.err());
            assertFalse(run.err().contains("Exception"), run.err());
            assertFalse(Files.exists(out), what + ": nothing written");
        }
    }
}
