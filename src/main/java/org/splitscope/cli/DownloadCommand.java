package org.splitscope.cli;

import java.nio.file.Files;
import java.util.concurrent.Callable;
import org.splitscope.SplitScopeException;
import org.splitscope.hub.HubEnvironment;
import org.splitscope.hub.Pretrained;
import org.splitscope.io.Printable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "download", description = "Fetch pretrained weights into the Hugging Face or torch.hub cache "
        + "(verified, resumable) and print where they are; a cached file is not fetched again.")
final class DownloadCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "REPO_ID",
            description = "timm/resnest50d.in1k (or hf:timm/…), or official:resnest50.")
    String repo;

    @Option(names = "--revision", paramLabel = "REV", description = "Branch, tag or commit (default: main).")
    String revision;

    @Option(names = "--list", description = "The known weights (ResNeSt, SE, ECA, SK), with their preset and whether they are cached.")
    boolean list;

    @Override
    public Integer call() throws SplitScopeException {
        HubEnvironment env = HubEnvironment.fromSystem();
        if (list || repo == null) {
            System.out.printf("%-40s %-31s %-9s %9s  %s%n", "name", "preset", "notation", "size", "cached");
            for (Pretrained.Model m : Pretrained.all()) {
                long bytes = Pretrained.weightBytes(m.preset());
                System.out.printf("%-40s %-31s %-9s %9s  %s%n", m.id(), m.preset(), m.notation(),
                        bytes < 0 ? "?" : String.format(java.util.Locale.ROOT, "%.0f MB", bytes / 1e6),
                        Pretrained.cached(m, env) ? "yes" : "no");
            }
            System.out.println("(sizes: float32 weights from each preset's parameter shapes; the file adds a few kB)");
            System.out.println("caches: " + env.cache() + " (hub), " + env.torchCache() + " (official)"
                    + (env.offline() ? "; HF_HUB_OFFLINE is set" : ""));
            return 0;
        }
        String name = Pretrained.isName(repo) ? repo : "hf:" + repo;
        if (revision != null) {
            if (!name.startsWith("hf:") || name.contains("@")) {
                throw new SplitScopeException("--revision goes with a hub repository id without @REV");
            }
            name = name + "@" + revision;
        }
        Pretrained.Resolved r = ModelOptions.download(name);
        System.out.printf("%s\t%s\t%s%n", Printable.clean(name), Printable.clean(r.file().toString()),
                r.preset() == null ? "architecture from the weights" : "preset " + r.preset());
        return Files.isRegularFile(r.file()) ? 0 : SplitScopeCli.USER_ERROR;
    }
}
