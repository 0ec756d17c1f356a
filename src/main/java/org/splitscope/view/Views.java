package org.splitscope.view;

import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Every view, in the window's tab order: the one list the tabs, {@code figure --view}, its
 * {@code --help} and {@code splitscope.view} read. A new view is one line here plus its folder.
 */
public final class Views {
    private Views() {}

    public static final ViewSpec HEATMAPS = new ViewSpec("heatmaps", "Heatmaps", "heatmaps");
    public static final ViewSpec SPLITBARS = new ViewSpec("splitbars", "Bars", "splitbars");
    public static final ViewSpec FEATUREMAPS = new ViewSpec("featuremaps", "Maps", "featuremaps");
    public static final ViewSpec GAP = new ViewSpec("gap", "GAP", "gap");
    /** Every block of one image in depth order: entropy, saturation, split preference. */
    public static final ViewSpec DEPTH = new ViewSpec("depth", "Depth", "depth");
    /** Two images (or one at three scales) side by side. */
    public static final ViewSpec COMPARE = new ViewSpec("compare", "Compare", "compare (with --compare or --scales)");
    /** A class activation map next to the block's split contributions. */
    public static final ViewSpec CAM = new ViewSpec("cam", "Grad-CAM", "cam");
    /** One image through every bundled variant, with the ablation table (no --model). */
    public static final ViewSpec VARIANTS = new ViewSpec("variants", "Variants", "variants");
    /** Forcing attention and the knock-out sweep; its figure file is the knockout view. */
    public static final ViewSpec INTERVENTIONS = new ViewSpec("interventions", "Intervene", null);
    /** Statistics over a data set (analyze's output), not one image. */
    public static final ViewSpec DATASET = new ViewSpec("dataset", "Dataset", "dataset (with --stats)");
    /** One block step by step, with one channel followed through it (its own forward with the block's internals). */
    public static final ViewSpec WALKTHROUGH = new ViewSpec("walkthrough", "Walkthrough", "walkthrough");
    /** A knock-out sweep (knockout's output), drawn in the Intervene tab. */
    public static final ViewSpec KNOCKOUT = new ViewSpec("knockout", null, "knockout (with --knockout)");

    /** In tab order; views without a tab last. */
    public static final List<ViewSpec> ALL = List.of(HEATMAPS, SPLITBARS, FEATUREMAPS, GAP, DEPTH, COMPARE, CAM,
            VARIANTS, INTERVENTIONS, DATASET, WALKTHROUGH, KNOCKOUT);

    /** The order {@code figure} has always listed its views in (scripts and tests read that message). */
    private static final List<ViewSpec> FIGURE_ORDER = List.of(HEATMAPS, SPLITBARS, FEATUREMAPS, GAP, DATASET,
            KNOCKOUT, COMPARE, CAM, DEPTH, VARIANTS, WALKTHROUGH);

    /**
     * The block every view opens on, in the window and in {@code figure} without {@code --block}: a
     * middle one (early maps are large but generic, late ones small); null when there is none.
     */
    public static String defaultBlock(List<String> blocks) {
        return blocks.isEmpty() ? null : blocks.get(blocks.size() / 2);
    }

    /** The window's tabs, in order. */
    public static List<ViewSpec> tabs() {
        return ALL.stream().filter(ViewSpec::tab).toList();
    }

    /** The tab named {@code id} ({@code splitscope.view}), else the first tab. */
    public static ViewSpec tab(String id) {
        return tabs().stream().filter(v -> v.id().equalsIgnoreCase(id)).findFirst().orElse(HEATMAPS);
    }

    /** The ids {@code figure --view} takes. */
    public static String available() {
        return FIGURE_ORDER.stream().map(ViewSpec::id).collect(Collectors.joining(", "));
    }

    /** {@code figure --view}'s view; throws with the list of views for any other name. */
    public static ViewSpec parse(String s) {
        String id = s.trim().toLowerCase(Locale.ROOT);
        return ALL.stream().filter(v -> v.figure() && v.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown view '" + s + "'; views: " + available()));
    }

    /** {@code figure --view}'s help: each view with what it needs ({@code ${COMPLETION-CANDIDATES}}). */
    public static final class FigureHelp implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return ALL.stream().filter(ViewSpec::figure).map(ViewSpec::figureHelp).iterator();
        }
    }
}
