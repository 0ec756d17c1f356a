package org.splitscope.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.splitscope.SplitScopeException;
import org.splitscope.capture.CaptureResult;
import org.splitscope.capture.CaptureService;
import org.splitscope.engine.LoadedModel;
import org.splitscope.input.ImageLoader;
import org.splitscope.input.Sample;
import org.splitscope.input.Samples;
import org.splitscope.io.AtomicFiles;
import org.splitscope.io.FolderLock;
import org.splitscope.io.Printable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "analyze", description = "Class-conditional attention and GAP statistics over a folder of images "
        + "(ImageFolder layout: one sub-folder per group), streamed: OUT/stats.npz, stats.json, summary.csv.",
        subcommands = AnalyzeMergeCommand.class)
final class AnalyzeCommand implements Callable<Integer> {
    static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    @Mixin
    ModelOptions modelOptions;

    @Option(names = "--input", paramLabel = "DIR", description = "One sub-folder per group, groups in folder-name order.")
    Path input;

    @Option(names = "--labels-from", paramLabel = "folders|FILE.csv", defaultValue = "folders",
            description = "Groups from the sub-folders (default), or path,label rows of a CSV (paths relative to it).")
    String labelsFrom;

    @Option(names = "--group-by", paramLabel = "label|prediction", defaultValue = "label",
            description = "Group by the label (default) or by the predicted class.")
    String groupBy;

    @Option(names = "--batch", defaultValue = "16", paramLabel = "N", description = "Images per forward (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--shard", paramLabel = "I/N", description = "Only images I, I+N, I+2N … (1-based) of the input order.")
    String shard;

    @Option(names = "--resume", description = "Continue the run in OUT from its last saved batch.")
    boolean resume;

    @Option(names = "--out", paramLabel = "DIR", description = "Where stats.npz, stats.json and summary.csv go.")
    Path out;

    /** Stops after this many images as if interrupted (state saved): for testing --resume. */
    @Option(names = "--stop-after", hidden = true)
    int stopAfter = -1;

    /** An input image and its label (null when grouping by prediction). */
    record Item(Path file, String label) {}

    /** A decoded batch: the samples and their items, the inputs that could not be read, where it ends. */
    record Loaded(List<Sample> samples, List<Item> items, List<String[]> skipped, int end) {}

    private Loaded load(List<Item> mine, int from, int end, LoadedModel model) {
        List<Sample> samples = new ArrayList<>();
        List<Item> items = new ArrayList<>();
        List<String[]> skipped = new ArrayList<>();
        int i = from;
        for (; i < end && samples.size() < batch; i++) {
            Item item = mine.get(i);
            try {
                samples.add(Samples.load(item.file(), model.preprocessing()).get(0));
                items.add(item);
            } catch (SplitScopeException e) {
                skipped.add(new String[] {item.file().toString(), e.getMessage()});
            }
        }
        return new Loaded(samples, items, skipped, i);
    }

    private static Loaded get(Future<Loaded> f) throws SplitScopeException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.util.concurrent.CancellationException("interrupted");
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new SplitScopeException("decoding failed: " + e.getCause().getMessage());
        }
    }

    @Override
    public Integer call() throws SplitScopeException {
        if (input == null || out == null) {
            throw new SplitScopeException("analyze needs --input DIR and --out DIR (or: analyze merge OUT… --out OUT)");
        }
        if (batch < 1) {
            throw new SplitScopeException("--batch must be at least 1");
        }
        boolean byPrediction = switch (groupBy) {
            case "label" -> false;
            case "prediction" -> true;
            default -> throw new SplitScopeException("--group-by: label or prediction, not '" + Printable.clean(groupBy) + "'");
        };
        int[] part = shard(shard);
        List<Item> all = items(input, labelsFrom);
        List<Item> mine = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (i % part[1] == part[0] - 1) {
                mine.add(all.get(i));
            }
        }
        AtomicFiles.requireWritableFolder(out);
        try (FolderLock lock = FolderLock.acquire(out); LoadedModel model = modelOptions.load()) {
            List<String> groups = byPrediction ? model.labels()
                    : List.copyOf(new TreeSet<>(all.stream().map(Item::label).toList()));
            AnalysisRun run = resume ? AnalysisRun.resume(out, groups, mine.size(), shard) : null;
            long start = System.nanoTime();
            int done = run == null ? 0 : run.processed;
            int end = stopAfter >= 0 ? Math.min(stopAfter, mine.size()) : mine.size();
            long lastSave = System.nanoTime();
            // One thread decodes and preprocesses the next batch while the engine runs this one.
            ExecutorService decoder = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "splitscope-decode");
                t.setDaemon(true);
                return t;
            });
            try {
                Future<Loaded> next = done < end ? decoder.submit(() -> load(mine, done, end, model)) : null;
                while (next != null) {
                    Loaded batchIn = get(next);
                    next = batchIn.end() < end ? decoder.submit(() -> load(mine, batchIn.end(), end, model)) : null;
                    run = run == null ? AnalysisRun.start(groups) : run;
                    for (String[] skip : batchIn.skipped()) {
                        run.skip(Path.of(skip[0]), skip[1]);
                    }
                    if (!batchIn.samples().isEmpty()) {
                        CaptureResult r = CaptureService.capture(model, batchIn.samples(), Set.of());
                        run.withBlocks(r).add(r, batchIn.items(), byPrediction, model);
                    }
                    run.processed = batchIn.end();
                    if (run.stats != null && System.nanoTime() - lastSave > 10e9) {
                        run.save(out, model, shard, mine.size(), start);
                        lastSave = System.nanoTime();
                    }
                    progress(batchIn.end() - done, mine.size() - done, start);
                }
            } finally {
                decoder.shutdownNow();
            }
            if (run == null || run.stats == null) {
                throw new SplitScopeException("no image could be read (" + (run == null ? 0 : run.skipped.size())
                        + " skipped)");
            }
            run.save(out, model, shard, mine.size(), start);
            if (System.console() != null) {
                System.err.println();
            }
            System.out.printf(Locale.ROOT, "analysed %d of %d images in %d groups → %s%s%n", run.stats.total(),
                    mine.size(), run.stats.nonEmpty().size(), out.resolve("stats.npz"),
                    run.skipped.isEmpty() ? "" : " (" + run.skipped.size() + " skipped, listed in stats.json)");
            return 0;
        } catch (IOException e) {
            throw new SplitScopeException(out + ": cannot write the statistics (" + e.getMessage() + ")", e);
        }
    }

    private static void progress(int done, int total, long start) {
        if (System.console() == null) {
            return;
        }
        double s = (System.nanoTime() - start) / 1e9;
        double rate = done / Math.max(s, 1e-3);
        System.err.printf(Locale.ROOT, "\r%d / %d images, %.1f images/s, %.0f s left   ", done, total, rate,
                (total - done) / Math.max(rate, 1e-9));
    }

    static int[] shard(String s) throws SplitScopeException {
        if (s == null) {
            return new int[] {1, 1};
        }
        String[] p = s.split("/");
        try {
            int i = Integer.parseInt(p[0].trim());
            int n = Integer.parseInt(p[1].trim());
            if (p.length == 2 && n >= 1 && i >= 1 && i <= n) {
                return new int[] {i, n};
            }
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            // below
        }
        throw new SplitScopeException("--shard '" + Printable.clean(s) + "': I/N with 1 ≤ I ≤ N, e.g. 2/8");
    }

    /** The input in its deterministic order: groups by name, images by name within each. */
    static List<Item> items(Path input, String labelsFrom) throws SplitScopeException {
        List<Item> items = new ArrayList<>();
        if (labelsFrom.equals("folders")) {
            if (!Files.isDirectory(input)) {
                throw new SplitScopeException(input + ": not a folder");
            }
            List<Path> folders;
            try (var list = Files.list(input)) {
                folders = list.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith("."))
                        .sorted().toList();
            } catch (IOException e) {
                throw new SplitScopeException(input + ": cannot list it (" + e.getMessage() + ")");
            }
            if (folders.isEmpty()) {
                throw new SplitScopeException(input + ": no sub-folders; analyze wants one folder per group "
                        + "(or --labels-from FILE.csv)");
            }
            for (Path folder : folders) {
                List<Path> images = ImageLoader.listImages(folder);
                if (images.isEmpty()) {
                    throw new SplitScopeException(folder + ": group '" + Printable.clean(folder.getFileName().toString())
                            + "' has no images");
                }
                String label = folder.getFileName().toString();
                images.forEach(f -> items.add(new Item(f, label)));
            }
            return items;
        }
        Path csv = Path.of(labelsFrom);
        List<String> lines;
        try {
            lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SplitScopeException(csv + ": cannot read it (" + e.getMessage() + ")");
        }
        Path base = Files.isDirectory(input) ? input : csv.toAbsolutePath().getParent();
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (line.isEmpty() || (n == 0 && line.equalsIgnoreCase("path,label"))) {
                continue;
            }
            int comma = line.lastIndexOf(',');
            if (comma <= 0 || comma == line.length() - 1) {
                throw new SplitScopeException(csv + ": line " + (n + 1) + " is not path,label");
            }
            items.add(new Item(base.resolve(line.substring(0, comma).strip()), line.substring(comma + 1).strip()));
        }
        if (items.isEmpty()) {
            throw new SplitScopeException(csv + ": no path,label rows");
        }
        return items;
    }

    /** Folder or label names that are the model's class names, compared without case and punctuation. */
    static String key(String name) {
        return org.splitscope.model.Labels.key(name);
    }
}
