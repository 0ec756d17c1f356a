package org.splitscope.cli;

import java.util.List;
import java.util.Locale;
import org.splitscope.SplitScopeException;
import org.splitscope.analysis.SplitContributions;
import org.splitscope.capture.BlockCapture;
import org.splitscope.engine.LoadedModel;
import org.splitscope.io.Printable;
import org.splitscope.render.AttentionScale;
import org.splitscope.render.Colormap;
import org.splitscope.view.Views;
import org.splitscope.view.featuremaps.FeatureMaps;
import org.splitscope.view.splitbars.SplitBarsFigure;

/** {@code figure}'s option values read and checked: each with a one-line reason when it is not valid. */
final class FigureArguments {
    private FigureArguments() {}

    /** The block asked for, or the middle one as the window opens on. */
    static String pickBlock(LoadedModel model, String asked) throws SplitScopeException {
        List<String> names = model.network().attentionBlocks().stream()
                .map(org.splitscope.model.ResidualBlock::name).toList();
        if (names.isEmpty()) {
            throw new SplitScopeException(model.name() + " has no split-attention blocks (radix 0): nothing to draw");
        }
        if (asked == null) {
            return Views.defaultBlock(names);
        }
        if (!names.contains(asked)) {
            // named as the model's attention is: "no squeeze-excitation block", "no split-attention block"
            String kind = org.splitscope.model.AttentionWords.of(model.network().attentionBlocks().get(0)).adjective();
            throw new SplitScopeException("--block: no " + kind + " block '" + Printable.clean(asked) + "' in "
                    + model.name() + " (blocks: " + names.get(0) + " … " + names.get(names.size() - 1) + ")");
        }
        return asked;
    }

    /** --split and --group within the block: an error, not silently r = 0 or every group. */
    static void requireInRange(org.splitscope.view.image.FigureRequest request, BlockCapture b)
            throws SplitScopeException {
        if (request.split() != FeatureMaps.FUSED && request.split() >= b.radix()) {
            var w = b.words();
            throw new SplitScopeException("--split " + request.split() + ": " + b.name() + (w.channelGate()
                    ? " has one " + w.name() + " gate (--split 0) and no splits"
                    : " has " + b.radix() + (w.sk() ? " paths (m = 0 … " + (b.radix() - 1) + ")"
                            : b.radix() == 1 ? " split (r = 0, the gate)" : " splits (r = 0 … " + (b.radix() - 1) + ")")));
        }
        if (request.group() != SplitContributions.ALL_GROUPS && request.group() >= b.cardinality()) {
            throw new SplitScopeException("--group " + request.group() + ": " + b.name() + " has " + b.cardinality()
                    + (b.cardinality() == 1 ? " cardinal group (k = 0)" : " cardinal groups (k = 0 … "
                            + (b.cardinality() - 1) + ")") + ", or all");
        }
    }

    static int parseGroup(String s) {
        if (s.equalsIgnoreCase("all")) {
            return SplitContributions.ALL_GROUPS;
        }
        return nonNegative("--group", s);
    }

    static int parseSplit(String s) {
        if (s.equalsIgnoreCase("v") || s.equalsIgnoreCase("fused")) {
            return FeatureMaps.FUSED;
        }
        return nonNegative("--split", s);
    }

    static int nonNegative(String option, String s) {
        try {
            int v = Integer.parseInt(s.trim());
            if (v >= 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new IllegalArgumentException(option + " '" + s + "' is not a number ≥ 0"
                + (option.equals("--group") ? " or all" : option.equals("--split") ? " or V" : ""));
    }

    static Colormap colormap(String s) {
        for (Colormap c : Colormap.values()) {
            if (c.displayName().equalsIgnoreCase(s) || c.name().equalsIgnoreCase(s)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown colormap '" + s + "' (viridis, magma, coolwarm or RdBu)");
    }

    static AttentionScale scale(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "fixed" -> AttentionScale.FIXED;
            case "data" -> AttentionScale.DATA;
            case "uniform" -> AttentionScale.AROUND_UNIFORM;
            default -> throw new IllegalArgumentException("unknown --scale '" + s + "' (fixed, data or uniform)");
        };
    }

    static SplitBarsFigure.Whiskers whiskers(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "minmax", "min-max" -> SplitBarsFigure.Whiskers.MIN_MAX;
            case "quartiles" -> SplitBarsFigure.Whiskers.QUARTILES;
            default -> throw new IllegalArgumentException("unknown --whiskers '" + s + "' (minmax or quartiles)");
        };
    }

    static FeatureMaps.Order order(String s) {
        for (FeatureMaps.Order o : FeatureMaps.Order.values()) {
            if (o.name().equalsIgnoreCase(s)) {
                return o;
            }
        }
        throw new IllegalArgumentException("unknown --order '" + s + "' (channel, attention or activation)");
    }
}
