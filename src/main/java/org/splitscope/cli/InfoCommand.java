package org.splitscope.cli;

import java.util.concurrent.Callable;
import org.splitscope.SplitScopeException;
import org.splitscope.engine.LoadedModel;
import org.splitscope.model.ResidualBlock;
import org.splitscope.model.Preset;
import org.splitscope.model.Presets;
import org.splitscope.model.ResNeStConfig;
import org.splitscope.model.Weights;
import org.splitscope.engine.ArchitectureSummary;
import org.splitscope.io.Printable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "info", description = "Show a checkpoint's architecture (as read off its weights), parameter count and blocks.")
final class InfoCommand implements Callable<Integer> {
    @Mixin
    ModelOptions modelOptions;

    @Option(names = "--presets", description = "List the known presets instead.")
    boolean presets;

    @Option(names = "--kernels", description = "Run the oneDNN kernel check now (each ISA level this CPU has, in a "
            + "child process, against PyTorch's values for a small ResNeSt; the fastest exact one is kept for later runs).")
    boolean kernels;

    @Override
    public Integer call() throws SplitScopeException {
        if (presets) {
            for (Preset p : Presets.all()) {
                ResNeStConfig c = p.config();
                System.out.printf("%-31s %-8s %-10s layers %-14s stem %-3d avd %-5s %d px, crop %.3f, %s%n",
                        p.name(), p.source(), c.notation(), c.layers(), c.stemWidth(),
                        !c.avd() ? "none" : c.avdFirst() ? "first" : "last", p.preprocessing().size(),
                        p.preprocessing().cropFraction(), p.preprocessing().interpolation().name().toLowerCase());
            }
            return 0;
        }
        if (kernels) {
            String why = org.splitscope.runtime.IsaSelection.runNow(line -> System.out.println(Printable.clean(line)));
            System.out.printf("%-14s %s%n", "CPU kernels", Printable.clean(why));
            return 0;
        }
        try (LoadedModel model = modelOptions.load()) {
            ResNeStConfig c = model.config();
            // The window's model card, row for row, then what only a terminal has room for.
            ArchitectureSummary card = ArchitectureSummary.of(model,
                    model.file() != null ? Printable.clean(model.file().toString()) : "random weights");
            System.out.printf("%-14s %s%n", "Model", Printable.clean(model.name()));
            System.out.printf("%-14s %s %s, layers %s%n", "Notation", c.family(), c.notation(), c.layers());
            for (ArchitectureSummary.Row row : card.rows()) {
                System.out.printf("%-14s %s%n", row.label(), row.value());
            }
            System.out.printf("%-14s stem width %d, base planes %d, bottleneck width %d, avg-down %s, %d input channel%s%n",
                    "Details", c.stemWidth(), c.basePlanes(), c.bottleneckWidth(), c.avgDown() ? "yes" : "no",
                    c.inChannels(), c.inChannels() == 1 ? "" : "s");
            System.out.printf("%-14s %,d parameters, crop %.3f, loaded in %.0f ms%n", "", Weights.count(model.network()),
                    model.preprocessing().cropFraction(), model.loadMs());
            System.out.printf("%-14s oneDNN %s%n", "CPU kernels", org.splitscope.runtime.Engines.cpuKernels());
            // the mechanism per stage: the first block of each says it (all blocks of a stage share it)
            for (ResidualBlock b : model.network().blocks()) {
                if (b.name().endsWith(".0")) {
                    System.out.printf("%-14s %s%n", b.name().substring(0, b.name().indexOf('.')), b.describe());
                }
            }
            System.out.println();
            System.out.println("block       mechanism  radix  K   C     C/K");
            for (ResidualBlock b : model.network().blocks()) {
                System.out.printf("%-10s  %-9s  %-5d  %-2d  %-4d  %d%n", b.name(), b.mechanism().key(), b.radix(),
                        b.cardinality(), b.channels(), b.channels() / Math.max(1, b.cardinality()));
            }
            return 0;
        }
    }
}
