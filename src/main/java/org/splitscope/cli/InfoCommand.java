package org.splitscope.cli;

import java.util.concurrent.Callable;
import org.splitscope.SplitScopeException;
import org.splitscope.engine.LoadedModel;
import org.splitscope.model.Bottleneck;
import org.splitscope.model.Preset;
import org.splitscope.model.Presets;
import org.splitscope.model.ResNeStConfig;
import org.splitscope.model.Weights;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "info", description = "Show a checkpoint's architecture (as read off its weights), parameter count and blocks.")
final class InfoCommand implements Callable<Integer> {
    @Mixin
    ModelOptions modelOptions;

    @Option(names = "--presets", description = "List the known presets instead.")
    boolean presets;

    @Override
    public Integer call() throws SplitScopeException {
        if (presets) {
            for (Preset p : Presets.all()) {
                ResNeStConfig c = p.config();
                System.out.printf("%-24s %-8s %-8s layers %-14s stem %-3d avd %-5s %d px, crop %.3f, %s%n",
                        p.name(), p.source(), c.notation(), c.layers(), c.stemWidth(),
                        c.avdFirst() ? "first" : "last", p.preprocessing().size(),
                        p.preprocessing().cropFraction(), p.preprocessing().interpolation().name().toLowerCase());
            }
            return 0;
        }
        try (LoadedModel model = modelOptions.load()) {
            ResNeStConfig c = model.config();
            System.out.println("model        " + model.name() + (model.file() != null ? "  (" + model.file() + ")" : ""));
            System.out.println("architecture ResNeSt " + c.notation() + ", layers " + c.layers()
                    + " (" + model.configSource() + ")");
            System.out.printf("stem         %s, width %d, stride %d, max-pool %s; input channels %d%n",
                    c.deepStem() ? "deep (3×3 ×3)" : "7×7", c.stemWidth(), c.stemStride(), c.stemPool() ? "yes" : "no",
                    c.inChannels());
            System.out.printf("blocks       radix %d, cardinality %d, bottleneck width %d, base planes %d, "
                    + "avg-down %s, avd %s%n", c.radix(), c.cardinality(), c.bottleneckWidth(), c.basePlanes(),
                    c.avgDown() ? "yes" : "no", c.avd() ? (c.avdFirst() ? "first" : "last") : "off");
            System.out.printf("classes      %d%n", c.numClasses());
            System.out.printf("parameters   %,d%n", Weights.count(model.network()));
            System.out.printf("input        %d px, crop %.3f, %s%n", model.preprocessing().size(),
                    model.preprocessing().cropFraction(), model.preprocessing().interpolation().name().toLowerCase());
            System.out.printf("device       %s; loaded in %.0f ms%n", org.splitscope.engine.Devices.describe(model.device()), model.loadMs());
            System.out.println();
            System.out.println("block       radix  K   C     C/K");
            for (Bottleneck b : model.network().blocks()) {
                System.out.printf("%-10s  %-5d  %-2d  %-4d  %d%n", b.name(), b.radix(), b.cardinality(),
                        b.channels(), b.channels() / b.cardinality());
            }
            return 0;
        }
    }
}
