package org.splitscope.view.dataset;

import org.splitscope.analysis.Moments;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.splitscope.capture.BlockCapture;
import org.splitscope.model.AttentionWords;
import org.splitscope.io.Npz64;

/**
 * Class-conditional statistics over a data set: per group (a folder, a label, a predicted class) and
 * over all images, the mean and population std of every block's attention [R, K, C/K] and GAP
 * [K, C/K]. Streamed: {@link #add} folds in one image and keeps nothing of it; {@link #merge} combines
 * runs (shards, resumed runs) exactly.
 */
public final class DatasetStats {
    /**
     * A block's dimensions and how its attention is named (its mechanism: splits, paths or a gate).
     * Runs saved before stats.json recorded the mechanism read as split attention.
     */
    public record Block(String name, int radix, int cardinality, int groupChannels, AttentionWords words) {
        /** A split-attention block. */
        public Block(String name, int radix, int cardinality, int groupChannels) {
            this(name, radix, cardinality, groupChannels, AttentionWords.splat(radix));
        }

        int attentionSize() {
            return radix * cardinality * groupChannels;
        }

        int gapSize() {
            return cardinality * groupChannels;
        }
    }

    private final List<String> groups;
    private final List<Block> blocks;
    private final Moments[][] attention; // [group][block]
    private final Moments[][] gap;
    private final Moments[] allAttention;
    private final Moments[] allGap;

    public DatasetStats(List<String> groups, List<Block> blocks) {
        this.groups = List.copyOf(groups);
        this.blocks = List.copyOf(blocks);
        attention = new Moments[groups.size()][blocks.size()];
        gap = new Moments[groups.size()][blocks.size()];
        allAttention = new Moments[blocks.size()];
        allGap = new Moments[blocks.size()];
        for (int j = 0; j < blocks.size(); j++) {
            for (int g = 0; g < groups.size(); g++) {
                attention[g][j] = new Moments(blocks.get(j).attentionSize());
                gap[g][j] = new Moments(blocks.get(j).gapSize());
            }
            allAttention[j] = new Moments(blocks.get(j).attentionSize());
            allGap[j] = new Moments(blocks.get(j).gapSize());
        }
    }

    public static List<Block> blocksOf(List<BlockCapture> captured) {
        return captured.stream().map(b -> new Block(b.name(), b.radix(), b.cardinality(), b.groupChannels(), b.words()))
                .toList();
    }

    /** Image {@code image} of a captured batch, counted in {@code group}. */
    public void add(int group, List<BlockCapture> captured, int image) {
        for (int j = 0; j < blocks.size(); j++) {
            BlockCapture b = captured.get(j);
            Block shape = blocks.get(j);
            if (!b.name().equals(shape.name())) {
                throw new IllegalArgumentException("block " + b.name() + " where " + shape.name() + " was expected");
            }
            attention[group][j].add(b.attention(), image * shape.attentionSize());
            gap[group][j].add(b.gap(), image * shape.gapSize());
            allAttention[j].add(b.attention(), image * shape.attentionSize());
            allGap[j].add(b.gap(), image * shape.gapSize());
        }
    }

    /** Adds another run over the same groups and blocks. */
    public void merge(DatasetStats other) {
        if (!other.groups.equals(groups) || !other.blocks.equals(blocks)) {
            throw new IllegalArgumentException("the runs have different groups or blocks");
        }
        for (int j = 0; j < blocks.size(); j++) {
            for (int g = 0; g < groups.size(); g++) {
                attention[g][j].merge(other.attention[g][j]);
                gap[g][j].merge(other.gap[g][j]);
            }
            allAttention[j].merge(other.allAttention[j]);
            allGap[j].merge(other.allGap[j]);
        }
    }

    public List<String> groups() {
        return groups;
    }

    public List<Block> blocks() {
        return blocks;
    }

    public long count(int group) {
        return blocks.isEmpty() ? 0 : attention[group][0].count();
    }

    public long total() {
        return blocks.isEmpty() ? 0 : allAttention[0].count();
    }

    public Moments attention(int group, int block) {
        return attention[group][block];
    }

    public Moments allAttention(int block) {
        return allAttention[block];
    }

    /**
     * stats.npz's arrays: {@code counts} [G]; per block {@code <block>.attention.mean/std}
     * [G, R, K, C/K], {@code <block>.gap.mean/std} [G, K, C/K] and the same over all images
     * ({@code <block>.attention.all.mean} …), float64.
     */
    public Map<String, Npz64.Array> arrays() {
        Map<String, Npz64.Array> out = new LinkedHashMap<>();
        int n = groups.size();
        double[] counts = new double[n];
        for (int g = 0; g < n; g++) {
            counts[g] = count(g);
        }
        out.put("counts", new Npz64.Array(counts, new long[] {n}));
        for (int j = 0; j < blocks.size(); j++) {
            Block b = blocks.get(j);
            long[] att = {n, b.radix(), b.cardinality(), b.groupChannels()};
            long[] gp = {n, b.cardinality(), b.groupChannels()};
            out.put(b.name() + ".attention.mean", stack(attention, j, true, att));
            out.put(b.name() + ".attention.std", stack(attention, j, false, att));
            out.put(b.name() + ".gap.mean", stack(gap, j, true, gp));
            out.put(b.name() + ".gap.std", stack(gap, j, false, gp));
            out.put(b.name() + ".attention.all.mean", new Npz64.Array(allAttention[j].mean(),
                    new long[] {b.radix(), b.cardinality(), b.groupChannels()}));
            out.put(b.name() + ".attention.all.std", new Npz64.Array(allAttention[j].std(),
                    new long[] {b.radix(), b.cardinality(), b.groupChannels()}));
            out.put(b.name() + ".gap.all.mean", new Npz64.Array(allGap[j].mean(), new long[] {b.cardinality(),
                    b.groupChannels()}));
            out.put(b.name() + ".gap.all.std", new Npz64.Array(allGap[j].std(), new long[] {b.cardinality(),
                    b.groupChannels()}));
        }
        return out;
    }

    private static Npz64.Array stack(Moments[][] m, int block, boolean mean, long[] shape) {
        int per = m[0][block].size();
        double[] out = new double[m.length * per];
        for (int g = 0; g < m.length; g++) {
            System.arraycopy(mean ? m[g][block].mean() : m[g][block].std(), 0, out, g * per, per);
        }
        return new Npz64.Array(out, shape);
    }

    /** Back from {@link #arrays} (a stats.npz): exact enough to merge, being float64. */
    public static DatasetStats of(List<String> groups, List<Block> blocks, Map<String, Npz64.Array> arrays) {
        DatasetStats s = new DatasetStats(groups, blocks);
        double[] counts = require(arrays, "counts").data();
        long total = 0;
        for (double c : counts) {
            total += (long) c;
        }
        for (int j = 0; j < blocks.size(); j++) {
            Block b = blocks.get(j);
            double[] am = require(arrays, b.name() + ".attention.mean").data();
            double[] as = require(arrays, b.name() + ".attention.std").data();
            double[] gm = require(arrays, b.name() + ".gap.mean").data();
            double[] gs = require(arrays, b.name() + ".gap.std").data();
            for (int g = 0; g < groups.size(); g++) {
                s.attention[g][j] = Moments.ofMeanStd((long) counts[g], slice(am, g, b.attentionSize()),
                        slice(as, g, b.attentionSize()));
                s.gap[g][j] = Moments.ofMeanStd((long) counts[g], slice(gm, g, b.gapSize()), slice(gs, g, b.gapSize()));
            }
            s.allAttention[j] = Moments.ofMeanStd(total, require(arrays, b.name() + ".attention.all.mean").data(),
                    require(arrays, b.name() + ".attention.all.std").data());
            s.allGap[j] = Moments.ofMeanStd(total, require(arrays, b.name() + ".gap.all.mean").data(),
                    require(arrays, b.name() + ".gap.all.std").data());
        }
        return s;
    }

    private static Npz64.Array require(Map<String, Npz64.Array> arrays, String name) {
        Npz64.Array a = arrays.get(name);
        if (a == null) {
            throw new IllegalArgumentException("stats.npz has no " + name);
        }
        return a;
    }

    private static double[] slice(double[] all, int group, int per) {
        double[] out = new double[per];
        System.arraycopy(all, group * per, out, 0, per);
        return out;
    }

    /** Mean normalised attention entropy and split preference of one group at one block (CSV summary). */
    public double[] summary(int group, int block) {
        Block b = blocks.get(block);
        double[] mean = attention[group][block].mean();
        int per = b.cardinality() * b.groupChannels();
        double entropy = 0;
        double saturation = 0;
        double[] splitMeans = new double[b.radix()];
        for (int c = 0; c < per; c++) {
            double h = 0;
            double max = 0;
            for (int r = 0; r < b.radix(); r++) {
                double a = mean[r * per + c];
                splitMeans[r] += a / per;
                max = Math.max(max, a);
                h -= a > 0 ? a * Math.log(a) : 0;
            }
            entropy += b.radix() > 1 ? h / Math.log(b.radix()) / per : 0;
            saturation += max / per;
        }
        int preferred = 0;
        for (int r = 1; r < splitMeans.length; r++) {
            preferred = splitMeans[r] > splitMeans[preferred] ? r : preferred;
        }
        return new double[] {entropy, saturation, preferred, splitMeans[preferred]};
    }

    /** The groups with at least one image. */
    public List<String> nonEmpty() {
        List<String> out = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            if (count(g) > 0) {
                out.add(groups.get(g));
            }
        }
        return out;
    }
}
