package org.splitscope.dataset;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
        List<String> lines;
        try {
            lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SplitScopeException(csv + ": cannot read it (" + e.getMessage() + ")");
        }
        Path base = input != null && Files.isDirectory(input) ? input : csv.toAbsolutePath().getParent();
        List<Item> items = new ArrayList<>();
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

    /**
     * SHA-256 of the inputs in order, each its absolute path and label: a resumed run must go on over
     * exactly the list it started with, or its offsets would mix images.
     */
    public static String fingerprint(List<Item> items) {
        java.security.MessageDigest sha;
        try {
            sha = java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        for (Item item : items) {
            sha.update((item.file().toAbsolutePath().normalize() + "\u0000" + item.label() + "\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        return java.util.HexFormat.of().formatHex(sha.digest());
    }

    /** @return {i, n} of {@code I/N}, or {1, 1} for null */
    public static int[] shard(String s) throws SplitScopeException {
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
