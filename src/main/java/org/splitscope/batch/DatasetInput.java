package org.splitscope.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.splitscope.SplitScopeException;
import org.splitscope.input.ImageLoader;
import org.splitscope.io.Printable;

/**
 * A labelled image folder in its deterministic order: the ImageFolder layout (one sub-folder per
 * group, groups and images by name, as torchvision orders them) or {@code path,label} rows of a CSV.
 */
public final class DatasetInput {
    private DatasetInput() {}

    /** An input image and its label (the group it belongs to when grouping by label). */
    public record Item(Path file, String label) {}

    /** @param labelsFrom {@code folders}, or the path of a CSV with {@code path,label} rows */
    public static List<Item> list(Path input, String labelsFrom) throws SplitScopeException {
        return labelsFrom.equals("folders") ? folders(input) : csv(input, Path.of(labelsFrom));
    }

    private static List<Item> folders(Path input) throws SplitScopeException {
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
        if (folders.size() > LabelsCsv.MAX_GROUPS) {
            throw new SplitScopeException(input + ": " + folders.size() + " sub-folders; analyze keeps statistics per group, "
                    + "at most " + LabelsCsv.MAX_GROUPS);
        }
        List<Item> items = new ArrayList<>();
        for (Path folder : folders) {
            List<Path> images = ImageLoader.listImages(folder);
            String label = folder.getFileName().toString();
            if (images.isEmpty()) {
                throw new SplitScopeException(folder + ": group '" + Printable.clean(label) + "' has no images");
            }
            images.forEach(f -> items.add(new Item(f, label)));
        }
        return items;
    }

    private static List<Item> csv(Path input, Path csv) throws SplitScopeException {
        Path base = input != null && Files.isDirectory(input) ? input : csv.toAbsolutePath().getParent();
        return LabelsCsv.read(csv, base);
    }

    /** More shards than any cluster array runs; it also bounds what merge reads back from stats.json. */
    public static final int MAX_SHARDS = 100_000;

    /** @return {i, n} of {@code I/N}, or {1, 1} for null */
    public static int[] shard(String s) throws SplitScopeException {
        if (s == null) {
            return new int[] {1, 1};
        }
        String[] p = s.split("/");
        try {
            int i = Integer.parseInt(p[0].trim());
            int n = Integer.parseInt(p[1].trim());
            if (p.length == 2 && n >= 1 && n <= MAX_SHARDS && i >= 1 && i <= n) {
                return new int[] {i, n};
            }
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            // below
        }
        throw new SplitScopeException("--shard '" + Printable.clean(s) + "': I/N with 1 ≤ I ≤ N ≤ " + MAX_SHARDS + ", e.g. 2/8");
    }

    /** The items at positions I, I+N, I+2N … (1-based). */
    public static List<Item> shard(List<Item> all, int[] part) {
        List<Item> mine = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (i % part[1] == part[0] - 1) {
                mine.add(all.get(i));
            }
        }
        return mine;
    }
}
