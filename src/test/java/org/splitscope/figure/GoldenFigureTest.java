package org.splitscope.figure;

import org.splitscope.view.featuremaps.FeatureMapsFigure;
import org.splitscope.view.gap.GapFigure;
import org.splitscope.view.heatmaps.HeatmapFigure;
import org.splitscope.view.splitbars.SplitBarsFigure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;
import javax.imageio.ImageIO;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.splitscope.render.AttentionScale;
import org.splitscope.render.Colormap;

/**
 * Every figure from hand-made records against a reviewed PNG, with a tolerance for antialiasing
 * (text rasterisation may move by a pixel between JDK builds, a layout change moves far more).
 * After an intended change: {@code mvn test -Dtest=GoldenFigureTest -Dsplitscope.golden.update=true},
 * then look at the PNGs in src/test/resources/golden before committing them.
 */
class GoldenFigureTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final double WIDTH = 3.5 * 72;
    private static final FigureStyle PAPER = FigureStyle.print(FigureStyle.Theme.PAPER);

    private static final Map<String, Supplier<Drawing>> FIGURES = Map.of(
            "heatmaps", () -> HeatmapFigure.draw(Records.matrix(), Records.maps(), null, Records.input(),
                    new HeatmapFigure.Options(Colormap.VIRIDIS, AttentionScale.AROUND_UNIFORM, 0.6, WIDTH / 2), WIDTH,
                    PAPER),
            "splitbars", () -> SplitBarsFigure.draw(Records.bars(), new SplitBarsFigure.Options(Colormap.MAGMA,
                    SplitBarsFigure.Whiskers.QUARTILES, false, "layer2.0"), WIDTH, PAPER),
            "splitbars-stacked-dark", () -> SplitBarsFigure.draw(Records.bars(), new SplitBarsFigure.Options(
                    Colormap.VIRIDIS, SplitBarsFigure.Whiskers.MIN_MAX, true, "layer3.0"), WIDTH,
                    FigureStyle.print(FigureStyle.Theme.DARK)),
            "gap", () -> GapFigure.draw(Records.gap(), new GapFigure.Options(Colormap.COOLWARM), WIDTH, PAPER),
            "featuremaps", () -> FeatureMapsFigure.draw(Records.grid(), new FeatureMapsFigure.Options(Colormap.VIRIDIS,
                    0, 3), WIDTH, PAPER));

    @ParameterizedTest
    @ValueSource(strings = {"heatmaps", "splitbars", "splitbars-stacked-dark", "gap", "featuremaps"})
    void looksAsReviewed(String name) throws Exception {
        BufferedImage got = FigureFiles.image(FIGURES.get(name).get().withCaption("model · image · layer2.0"), 150);
        Path file = GOLDEN.resolve(name + ".png");
        if (Boolean.getBoolean("splitscope.golden.update")) {
            Files.createDirectories(GOLDEN);
            ImageIO.write(got, "png", file.toFile());
        }
        BufferedImage want = ImageIO.read(file.toFile());
        assertEquals(want.getWidth(), got.getWidth(), name + " width");
        assertEquals(want.getHeight(), got.getHeight(), name + " height: the layout changed");
        long differing = 0;
        double total = 0;
        for (int y = 0; y < want.getHeight(); y++) {
            for (int x = 0; x < want.getWidth(); x++) {
                int a = want.getRGB(x, y);
                int b = got.getRGB(x, y);
                int d = 0;
                for (int shift = 0; shift <= 16; shift += 8) {
                    d = Math.max(d, Math.abs(((a >> shift) & 0xFF) - ((b >> shift) & 0xFF)));
                }
                total += d;
                if (d > 64) {
                    differing++;
                }
            }
        }
        long pixels = (long) want.getWidth() * want.getHeight();
        assertTrue(differing <= pixels / 200, name + ": " + differing + " of " + pixels + " pixels differ strongly");
        assertTrue(total / pixels < 2.0, name + ": mean difference " + total / pixels);
    }
}
