package org.splitscope.figure;

import org.splitscope.view.cam.CamRequest;
import org.splitscope.view.depth.DepthFigure;
import org.splitscope.view.featuremaps.FeatureMapsFigure;
import org.splitscope.view.gap.GapFigure;
import org.splitscope.view.heatmaps.HeatmapFigure;
import org.splitscope.view.splitbars.SplitBarsFigure;
import java.util.List;
import org.splitscope.analysis.AttentionMatrix;
import org.splitscope.view.heatmaps.ContributionMaps;
import org.splitscope.view.depth.DepthProfile;
import org.splitscope.view.featuremaps.FeatureMapGrid;
import org.splitscope.view.featuremaps.FeatureMaps;
import org.splitscope.view.gap.GapHistograms;
import org.splitscope.view.splitbars.SplitBars;
import org.splitscope.analysis.SplitContributions;
import org.splitscope.view.cam.CamMethod;
import org.splitscope.view.cam.ClassChoice;
import org.splitscope.capture.BlockCapture;
import org.splitscope.render.AttentionScale;
import org.splitscope.render.Colormap;
import org.splitscope.render.Raster;

/**
 * Everything that decides a view's figure besides the capture: the selection (block, group, split)
 * and the view's settings. The window's export and the {@code figure} command both draw through
 * {@link #draw}, so the same request gives the same file.
 *
 * @param group a cardinal group k or {@link SplitContributions#ALL_GROUPS}
 * @param split a split r or {@link FeatureMaps#FUSED}
 * @param columns feature-map columns in a file (0: as many tiles of {@code tile} as fit)
 */
public record FigureRequest(View view, String block, int group, int split, Colormap colormap, AttentionScale scale,
        double opacity, SplitBarsFigure.Whiskers whiskers, boolean stacked, int bins, FeatureMaps.Order order,
        int columns, double tile) {

    public static final int IMAGE = 0;
    /** Feature-map columns in a file unless chosen otherwise (the figure command's default). */
    public static final int FILE_COLUMNS = 8;

    /** The view of {@code block} with every setting at its default. */
    public static FigureRequest of(View view, String block, int group, int split, Colormap colormap) {
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

    /** The Grad-CAM figure of this request's block, group, colormap and opacity. */
    public CamRequest withCam(ClassChoice choice, CamMethod method, boolean splitAttention) {
        return new CamRequest(this, choice, method, splitAttention);
    }

    /** The view's figure for one image: {@code selected} the block, {@code blocks} all of them in order. */
    public Drawing draw(BlockCapture selected, List<BlockCapture> blocks, Raster input, double width, FigureStyle s) {
        int k = group >= selected.cardinality() ? SplitContributions.ALL_GROUPS : group;
        int r = split >= selected.radix() ? 0 : split;
        return switch (view) {
            case HEATMAPS -> HeatmapFigure.draw(AttentionMatrix.of(selected, IMAGE),
                    selected.hasSplits() ? ContributionMaps.of(selected, IMAGE, k) : null,
                    "Capturing the " + selected.words().maps() + " of " + selected.name() + "…", input,
                    new HeatmapFigure.Options(colormap, scale, opacity, width / 2), width, s);
            case SPLITBARS -> SplitBarsFigure.draw(SplitBars.of(selected, blocks, IMAGE),
                    new SplitBarsFigure.Options(colormap, whiskers, stacked, selected.name()), width, s);
            case FEATUREMAPS -> FeatureMapsFigure.draw(FeatureMapGrid.of(selected, IMAGE, r, k, order),
                    new FeatureMapsFigure.Options(colormap, tile, columns), width, s);
            case GAP -> GapFigure.draw(GapHistograms.of(selected, IMAGE, bins), new GapFigure.Options(colormap), width, s);
            case DEPTH -> DepthFigure.draw(DepthProfile.of(blocks, IMAGE),
                    new DepthFigure.Options(colormap, selected.name()), width, s);
            case DATASET -> throw new IllegalArgumentException("the dataset view is drawn from analyze's statistics");
            case KNOCKOUT -> throw new IllegalArgumentException("the knockout view is drawn from a knock-out sweep");
            case COMPARE -> throw new IllegalArgumentException("the compare view is drawn from two captures");
            case VARIANTS -> throw new IllegalArgumentException("the variants view is drawn from every bundled model");
            case CAM -> throw new IllegalArgumentException("the cam view is drawn from a class activation map: withCam");
            case WALKTHROUGH -> throw new IllegalArgumentException("the walkthrough is drawn from the block's internals");
        };
    }

    /** The figure for a file: at the size's width, with the caption line unless left out. */
    public Drawing drawForFile(BlockCapture selected, List<BlockCapture> blocks, Raster input, FigureSize size,
            FigureStyle style, Provenance provenance, boolean caption) {
        Drawing d = draw(selected, blocks, input, size.widthPt(), style);
        return caption ? d.withCaption(provenance.caption()) : d;
    }

    /** What the file records about where it came from. */
    public Provenance provenance(BlockCapture selected, String model, String modelSha256, String image,
            String imageSha256) {
        int k = group >= selected.cardinality() ? SplitContributions.ALL_GROUPS : group;
        int r = split >= selected.radix() ? 0 : split;
        String groupName = view == View.SPLITBARS || view == View.GAP || view == View.DEPTH ? "every group"
                : k == SplitContributions.ALL_GROUPS ? "all groups" : "k = " + k;
        String splitName = view != View.FEATUREMAPS ? null : r == FeatureMaps.FUSED ? "V (fused output)" : "r = " + r;
        String blockName = view == View.DEPTH ? "every block (" + selected.name() + " selected)" : selected.name();
        return new Provenance(view.id(), model, modelSha256, image, imageSha256, blockName, groupName, splitName,
                colormap.displayName(), view == View.HEATMAPS ? scale.toString() : null);
    }
}
