package org.splitscope.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.splitscope.SplitScopeException;
import org.splitscope.view.compare.AttentionComparison;
import org.splitscope.view.compare.ScaleProfile;
import org.splitscope.bundled.BundledModels;
import org.splitscope.view.compare.Comparisons;
import org.splitscope.view.variants.VariantRuns;
import org.splitscope.engine.LoadedModel;
import org.splitscope.view.compare.CompareFigure;
import org.splitscope.figure.Drawing;
import org.splitscope.figure.FigureFiles;
import org.splitscope.figure.FigureFormat;
import org.splitscope.figure.FigureSize;
import org.splitscope.figure.FigureStyle;
import org.splitscope.figure.Provenance;
import org.splitscope.view.variants.VariantsFigure;
import org.splitscope.input.ImageLoader;
import org.splitscope.input.Sample;
import org.splitscope.input.Samples;
import org.splitscope.intervene.Interventions;
import org.splitscope.io.Printable;
import org.splitscope.render.Colormap;

/** {@code figure --view compare}: two images (or one at three scales) through the window's Compare figure. */
final class ComparisonFigure {
    private ComparisonFigure() {}

    /** @param second the other image, or null for the scales of {@code input} */
    static Drawing write(LoadedModel model, Path input, Path second, String block, Colormap colormap, FigureSize size,
            FigureFormat format, FigureStyle style, boolean caption, Path file, Interventions forced)
            throws SplitScopeException {
        String a = Printable.clean(input.getFileName().toString());
        try {
            Drawing d;
            Provenance p;
            if (second == null) {
                ScaleProfile profile = Comparisons.scales(model, a, ImageLoader.load(input), () -> false, forced);
                p = Comparisons.provenance(model, a + " at 1×, 1.5×, 2×", block, colormap)
                        .withIntervention(forced.describe());
                d = CompareFigure.scales(profile, new CompareFigure.Options(colormap, profile.blocks().indexOf(block)),
                        size.widthPt(), style);
            } else {
                if (!Files.isRegularFile(second)) {
                    throw new SplitScopeException(second + ": no such file");
                }
                String b = Printable.clean(second.getFileName().toString());
                AttentionComparison c = AttentionComparison.of(a, Comparisons.blocks(model, one(input, model), () -> false,
                        forced), b, Comparisons.blocks(model, one(second, model), () -> false, forced), block);
                p = Comparisons.provenance(model, a + " vs " + b, block, colormap).withIntervention(forced.describe());
                d = CompareFigure.draw(c, new CompareFigure.Options(colormap, c.blocks().indexOf(block)), size.widthPt(),
                        style);
            }
            d = caption ? d.withCaption(p.caption()) : d;
            FigureFiles.write(file, format, d, size, p);
            System.out.printf(Locale.ROOT, "%s: compare at %s, %.2f × %.2f in%n", Printable.clean(file.toString()),
                    block, d.width() / 72, d.height() / 72);
            return d;
        } catch (IOException e) {
            throw new SplitScopeException(file + ": cannot write the figure (" + e.getMessage() + ")", e);
        }
    }

    /** {@code figure --view variants}: the image through every bundled variant, with the ablation table. */
    static Drawing variants(Path input, Colormap colormap, FigureSize size, FigureFormat format, FigureStyle style,
            boolean caption, Path file) throws SplitScopeException {
        String name = Printable.clean(input.getFileName().toString());
        var runs = VariantRuns.run(name, ImageLoader.load(input), () -> false);
        try {
            Provenance p = VariantRuns.provenance(name, org.splitscope.io.Sha256.of(input), colormap);
            Drawing d = VariantsFigure.draw(name, runs, BundledModels.ablation(),
                    new VariantsFigure.Options(colormap), size.widthPt(), style);
            d = caption ? d.withCaption(p.caption()) : d;
            FigureFiles.write(file, format, d, size, p);
            System.out.printf(Locale.ROOT, "%s: %d variants, %.2f × %.2f in%n", Printable.clean(file.toString()),
                    runs.size(), d.width() / 72, d.height() / 72);
            return d;
        } catch (IOException e) {
            throw new SplitScopeException(file + ": cannot write the figure (" + e.getMessage() + ")", e);
        }
    }

    private static Sample one(Path image, LoadedModel model) throws SplitScopeException {
        List<Sample> samples = Samples.load(image, model.preprocessing());
        if (samples.size() != 1) {
            throw new SplitScopeException(image + ": holds " + samples.size() + " inputs; compare takes one each");
        }
        return samples.get(0);
    }
}
