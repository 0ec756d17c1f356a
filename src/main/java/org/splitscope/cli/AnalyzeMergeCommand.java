package org.splitscope.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.splitscope.SplitScopeException;
import org.splitscope.view.dataset.AnalysisRun;
import org.splitscope.view.dataset.Coverage;
import org.splitscope.view.dataset.RunMerge;
import org.splitscope.io.AtomicFiles;
import org.splitscope.io.FolderLock;
import org.splitscope.io.Printable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "merge", description = "Combine analyze outputs (shards) into exactly the statistics of one run; "
        + "refuses runs that would count an image twice and, unless --partial, missing or unfinished shards.")
final class AnalyzeMergeCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "OUT", description = "The analyze output folders to combine.")
    List<Path> parts;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where the merged statistics go.")
    Path out;

    @Option(names = "--expect", paramLabel = "N", description = "The runs are the shards of --shard I/N: name any "
            + "of the N that is missing or unfinished (and refuse, unless --partial).")
    Integer expect;

    @Option(names = "--partial", description = "Merge what is there: folders without a finished run are left out, "
            + "missing or unfinished shards are accepted and recorded in stats.json (coverage.partial).")
    boolean partial;

    @Override
    public Integer call() throws SplitScopeException {
        for (Path p : parts) {
            if (RunMerge.real(p).equals(RunMerge.real(out))) {
                throw new SplitScopeException("--out " + Printable.clean(out.toString()) + " is one of the runs being "
                        + "merged; write the merge to another folder");
            }
        }
        RunMerge.Result result = RunMerge.merge(parts, expect, partial);
        result.notes().forEach(n -> System.err.println("note: " + n));
        AnalysisRun merged = result.run();
        AtomicFiles.requireWritableFolder(out);
        try (FolderLock lock = FolderLock.acquire(out)) {
            merged.save(out, "merged", merged.processed(), System.nanoTime());
        } catch (IOException e) {
            throw new SplitScopeException(out + ": cannot write the statistics (" + e.getMessage() + ")", e);
        }
        Coverage c = merged.coverage();
        System.out.printf("merged %d run%s (shard %s%s), %d images → %s%n", result.runs(), result.runs() == 1 ? "" : "s",
                c.describe(), c.partial() ? ", partial" : "", merged.stats().total(), out.resolve("stats.npz"));
        return 0;
    }
}
