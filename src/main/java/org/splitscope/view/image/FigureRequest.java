package org.splitscope.view.image;

import org.splitscope.view.Origin;
import org.splitscope.figure.FileFigure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.splitscope.analysis.AttentionMatrix;
import org.splitscope.analysis.SplitContributions;
import org.splitscope.analysis.SplitStats;
import org.splitscope.capture.BlockCapture;
import org.splitscope.figure.Drawing;
import org.splitscope.figure.FigureStyle;
import org.splitscope.figure.Provenance;
import org.splitscope.figure.ViewData;
import org.splitscope.render.AttentionScale;
import org.splitscope.render.Colormap;
import org.splitscope.render.Raster;
import org.splitscope.view.ViewSpec;
import org.splitscope.view.Views;
import org.splitscope.view.depth.DepthFigure;
import org.splitscope.view.depth.DepthProfile;
import org.splitscope.view.featuremaps.FeatureMapGrid;
import org.splitscope.view.featuremaps.FeatureMaps;
import org.splitscope.view.featuremaps.FeatureMapsFigure;
import org.splitscope.view.gap.GapFigure;
import org.splitscope.view.gap.GapHistograms;
import org.splitscope.view.gap.GapSummary;
import org.splitscope.view.heatmaps.ContributionMaps;
import org.splitscope.view.heatmaps.HeatmapFigure;
import org.splitscope.view.splitbars.SplitBars;
import org.splitscope.view.splitbars.SplitBarsFigure;

/**
 * Everything that decides a view's figure besides the capture: the selection (block, group, split)
 * and the view's settings, for the views drawn straight from one image's capture (heatmaps,
 * splitbars, featuremaps, gap, depth; cam builds on it). The window's export and the {@code figure}
 * command both write through {@link #file}, so the same request gives the same file; the tabs call
 * the same painters on the data they keep between redraws.
 *
 * @param group a cardinal group k or {@link SplitContributions#ALL_GROUPS}
 * @param split a split r or {@link FeatureMaps#FUSED}
 * @param columns feature-map columns in a file (0: as many tiles of {@code tile} as fit)
 */
public record FigureRequest(ViewSpec view, String block, int group, int split, Colormap colormap, AttentionScale scale,
        double opacity, SplitBarsFigure.Whiskers whiskers, boolean stacked, int bins, FeatureMaps.Order order,
        int columns, double tile) {

    public static final int IMAGE = 0;
    /** Feature-map columns in a file unless chosen otherwise (the figure command's default). */
    public static final int FILE_COLUMNS = 8;

    /** The views a request draws: each one's figure of the selected block (and every block, for depth). */
    private static final Map<ViewSpec, Painter> PAINTERS = Map.of(
            Views.HEATMAPS, (q, selected, blocks, input, k, r, width, s) -> HeatmapFigure.draw(
                    AttentionMatrix.of(selected, IMAGE), selected.hasSplits() ? ContributionMaps.of(selected, IMAGE, k) : null,
                    "Capturing the " + selected.words().maps() + " of " + selected.name() + "…", input,
                    new HeatmapFigure.Options(q.colormap, q.scale, q.opacity, width / 2), width, s),
            Views.SPLITBARS, (q, selected, blocks, input, k, r, width, s) -> SplitBarsFigure.draw(
                    SplitBars.of(selected, blocks, IMAGE),
                    new SplitBarsFigure.Options(q.colormap, q.whiskers, q.stacked, selected.name()), width, s),
            Views.FEATUREMAPS, (q, selected, blocks, input, k, r, width, s) -> FeatureMapsFigure.draw(
                    FeatureMapGrid.of(selected, IMAGE, r, k, q.order),
                    new FeatureMapsFigure.Options(q.colormap, q.tile, q.columns), width, s),
            Views.GAP, (q, selected, blocks, input, k, r, width, s) -> GapFigure.draw(
                    GapHistograms.of(selected, IMAGE, q.bins), new GapFigure.Options(q.colormap), width, s),
            Views.DEPTH, (q, selected, blocks, input, k, r, width, s) -> DepthFigure.draw(
                    DepthProfile.of(blocks, IMAGE), new DepthFigure.Options(q.colormap, selected.name()), width, s));

    @FunctionalInterface
    private interface Painter {
        Drawing draw(FigureRequest q, BlockCapture selected, List<BlockCapture> blocks, Raster input, int k, int r,
                double width, FigureStyle s);
    }

    /** Whether {@code view} is drawn from a request and one image's capture alone. */
    public static boolean drawsFromCapture(ViewSpec view) {
        return PAINTERS.containsKey(view);
    }

    /** The view of {@code block} with every setting at its default. */
    public static FigureRequest of(ViewSpec view, String block, int group, int split, Colormap colormap) {
        return new FigureRequest(view, block, group, split, colormap, AttentionScale.FIXED, 0.6,
                SplitBarsFigure.Whiskers.MIN_MAX, false, 24, FeatureMaps.Order.ATTENTION, FILE_COLUMNS, 0);
    }

    public FigureRequest withBlock(String name) {
        return new FigureRequest(view, name, group, split, colormap, scale, opacity, whiskers, stacked, bins, order,
                columns, tile);
    }

    public FigureRequest withHeatmap(AttentionScale scale, double opacity) {
        return new FigureRequest(view, block, group, split, colormap, scale, opacity, whiskers, stacked, bins, order,
                columns, tile);
    }

    public FigureRequest withSplitBars(SplitBarsFigure.Whiskers whiskers, boolean stacked) {
        return new FigureRequest(view, block, group, split, colormap, scale, opacity, whiskers, stacked, bins, order,
                columns, tile);
    }

    public FigureRequest withBins(int bins) {
        return new FigureRequest(view, block, group, split, colormap, scale, opacity, whiskers, stacked, bins, order,
                columns, tile);
    }

    public FigureRequest withFeatureMaps(FeatureMaps.Order order, int columns, double tile) {
        return new FigureRequest(view, block, group, split, colormap, scale, opacity, whiskers, stacked, bins, order,
                columns, tile);
    }

    /** The view's figure for one image: {@code selected} the block, {@code blocks} all of them in order. */
    public Drawing draw(BlockCapture selected, List<BlockCapture> blocks, Raster input, double width, FigureStyle s) {
        int k = group >= selected.cardinality() ? SplitContributions.ALL_GROUPS : group;
        int r = split >= selected.radix() ? 0 : split;
        Painter painter = PAINTERS.get(view);
        if (painter == null) {
            throw new IllegalArgumentException("the " + view + " view is not drawn from one capture alone");
        }
        return painter.draw(this, selected, blocks, input, k, r, width, s);
    }

    /** What the file records about where it came from. */
    public Provenance provenance(BlockCapture selected, String model, String modelSha256, String image,
            String imageSha256) {
        int k = group >= selected.cardinality() ? SplitContributions.ALL_GROUPS : group;
        int r = split >= selected.radix() ? 0 : split;
        String groupName = view == Views.SPLITBARS || view == Views.GAP || view == Views.DEPTH ? "every group"
                : k == SplitContributions.ALL_GROUPS ? "all groups" : "k = " + k;
        String splitName = view != Views.FEATUREMAPS ? null : r == FeatureMaps.FUSED ? "V (fused output)" : "r = " + r;
        String blockName = view == Views.DEPTH ? "every block (" + selected.name() + " selected)" : selected.name();
        return new Provenance(view.id(), model, modelSha256, image, imageSha256, blockName, groupName, splitName,
                colormap.displayName(), view == Views.HEATMAPS ? scale.toString() : null);
    }

    /** The numbers the view shows, as a table: the attention matrix, the bars, the histograms, the maps' statistics. */
    public ViewData data(BlockCapture selected, List<BlockCapture> blocks) {
        FigureRequest request = this;
        int k = request.group() >= selected.cardinality() ? SplitContributions.ALL_GROUPS : request.group();
        int r = request.split() >= selected.radix() ? 0 : request.split();
        List<List<Object>> rows = new ArrayList<>();
        String name = selected.name();
        if (view == Views.HEATMAPS) {
            AttentionMatrix m = AttentionMatrix.of(selected, FigureRequest.IMAGE);
            for (int g = 0; g < m.cardinality(); g++) {
                for (int s = 0; s < m.radix(); s++) {
                    for (int c = 0; c < m.groupChannels(); c++) {
                        rows.add(List.of(name, g, s, c, m.weight(g, s, c)));
                    }
                }
            }
            return new ViewData(List.of("block", "group", "split", "channel", "attention"), rows);
        }
        if (view == Views.SPLITBARS) {
            SplitBars b = SplitBars.of(selected, blocks, FigureRequest.IMAGE);
            for (int g = 0; g < b.groups().size(); g++) {
                for (SplitStats s : b.groups().get(g)) {
                    rows.add(List.of(name, g, s.split(), s.channels(), s.mean(), s.min(), s.q1(), s.median(),
                            s.q3(), s.max()));
                }
            }
            return new ViewData(List.of("block", "group", "split", "channels", "mean", "min", "q1", "median",
                    "q3", "max"), rows);
        }
        if (view == Views.GAP) {
            GapHistograms h = GapHistograms.of(selected, FigureRequest.IMAGE, request.bins());
            for (GapSummary s : h.groups()) {
                for (int i = 0; i < s.counts().length; i++) {
                    rows.add(List.of(name, s.group(), i, s.binStart() + i * s.binWidth(), s.binEnd(i),
                            s.counts()[i], s.mean(), s.std()));
                }
            }
            return new ViewData(List.of("block", "group", "bin", "from", "to", "channels", "group_mean",
                    "group_std"), rows);
        }
        if (view == Views.DEPTH) {
            // One row per block and split; entropy is empty at radix 1 (gates).
            for (DepthProfile.Block b : DepthProfile.of(blocks, FigureRequest.IMAGE).blocks()) {
                for (int s = 0; s < b.radix(); s++) {
                    rows.add(List.of(b.name(), b.stage(), b.radix(), b.channels(), b.entropy(), b.entropyStd(),
                            b.saturation(), s, b.splitMean()[s], b.splitStd()[s]));
                }
            }
            return new ViewData(List.of("block", "stage", "radix", "channels", "entropy_mean", "entropy_std",
                    "saturation", "split", "attention_mean", "attention_std"), rows);
        }
        if (view == Views.FEATUREMAPS) {
            FeatureMapGrid grid = FeatureMapGrid.of(selected, FigureRequest.IMAGE, r, k, request.order());
            String source = r == FeatureMaps.FUSED ? selected.words().outputSymbol()
                    : selected.words().channelGate() ? "X" : "U_" + r;
            for (FeatureMapGrid.Tile t : grid.tiles()) {
                rows.add(List.of(name, source, t.channel(), t.group(), t.min(), t.max(), t.mean(), t.weight()));
            }
            return new ViewData(List.of("block", "source", "channel", "group", "min", "max", "mean",
                    "attention"), rows);
        }
        throw new IllegalArgumentException("the " + view + " view's numbers are not one capture's");
    }

    /** This request's figure of one capture, for a file: the window's export and {@code figure} alike. */
    public FileFigure file(BlockCapture selected, List<BlockCapture> blocks, Raster input, Origin origin) {
        return FileFigure.of(() -> provenance(selected, origin.model().name(), origin.model().sha256(), origin.image(),
                origin.imageSha256().get()).withIntervention(origin.forced()),
                (width, style) -> draw(selected, blocks, input, width, style), () -> data(selected, blocks));
    }
}
