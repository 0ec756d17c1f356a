package org.splitscope.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.splitscope.SplitScopeException;
import org.splitscope.dataset.AnalysisRun;
import org.splitscope.io.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "merge", description = "Combine analyze outputs (shards) into exactly the statistics of one run.")
final class AnalyzeMergeCommand implements Callable<Integer> {
    @Parameters(arity = "2..*", paramLabel = "OUT", description = "The analyze output folders to combine.")
    List<Path> parts;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where the merged statistics go.")
    Path out;

    @Override
    public Integer call() throws SplitScopeException {
        AnalysisRun merged = AnalysisRun.read(parts.get(0));
        for (Path p : parts.subList(1, parts.size())) {
            AnalysisRun run = AnalysisRun.read(p);
            try {
                merged.merge(run);
            } catch (IllegalArgumentException e) {
                throw new SplitScopeException(p + ": " + e.getMessage() + " (not a shard of the same run as " + parts.get(0) + ")");
            }
        }
        AtomicFiles.requireWritableFolder(out);
        try {
            merged.save(out, "merged", merged.processed(), System.nanoTime());
        } catch (IOException e) {
            throw new SplitScopeException(out + ": cannot write the statistics (" + e.getMessage() + ")", e);
        }
        System.out.printf("merged %d runs, %d images → %s%n", parts.size(), merged.stats().total(), out.resolve("stats.npz"));
        return 0;
    }
}
