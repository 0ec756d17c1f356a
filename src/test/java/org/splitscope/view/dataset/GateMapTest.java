package org.splitscope.view.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitscope.cli.CliRunner;

/**
 * The Dataset view's groups × blocks map of an SE model shows the mean gate, as its title and colour bar
 * say, under every metric: the default metric (entropy) is 0 for a single sigmoid gate, and drew a blank map.
 */
class GateMapTest {
    @TempDir
    Path temp;

    @Test
    void theMapOfASigmoidGateIsTheMeanGateWhateverTheMetric() throws Exception {
        Path input = temp.resolve("in");
        for (String name : List.of("bag-0018.png", "bag-0030.png", "coat-0006.png", "coat-0010.png")) {
            Path group = Files.createDirectories(input.resolve(name.replaceAll("-\\d+\\.png$", "")));
            Files.copy(Path.of("resources/samples/fashion-mnist", name), group.resolve(name));
        }
        Path out = temp.resolve("stats");
        CliRunner.Run run = CliRunner.run("analyze", "--model", "models/fmnist-se1x64d.safetensors", "--input",
                input.toString(), "--out", out.toString(), "--device", "cpu");
        assertEquals(0, run.status(), run.err());
        DatasetStats s = AnalysisRun.read(out).stats();
        for (int g = 0; g < s.groups().size(); g++) {
            for (int b = 0; b < s.blocks().size(); b++) {
                double gate = s.summary(g, b)[3];
                assertTrue(gate > 0 && gate < 1, "a sigmoid gate's mean: " + gate);
                for (DatasetFigure.Metric m : DatasetFigure.Metric.values()) {
                    assertEquals(gate, DatasetFigure.cell(s, m, g, b), m + " at " + s.blocks().get(b).name());
                }
            }
        }
        // the exported numbers are the map's: rows named "gate", never an entropy of 0
        var request = new DatasetRequest(null, DatasetFigure.Metric.ENTROPY, 0, List.of(),
                org.splitscope.render.Colormap.VIRIDIS);
        var rows = request.data(AnalysisRun.read(out)).rows();
        assertTrue(rows.stream().noneMatch(r -> r.get(0).equals("entropy")), "no entropy rows for a gate");
        var gates = rows.stream().filter(r -> r.get(0).equals("gate")).toList();
        assertEquals(s.groups().size() * s.blocks().size(), gates.size());
        assertEquals(s.summary(0, 0)[3], (double) gates.get(0).get(5));
    }
}
