package org.splitscope.input;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our tensors against PIL + torchvision's eval transform (Resize, CenterCrop, ToTensor, Normalize),
 * computed by make_input_fixtures.py. PIL rounds to 8 bits after each resize pass, we do not, so a
 * difference of up to 2/255 before normalisation is allowed.
 */
class PreprocessorParityTest {
    /** One entry of parity/parity.json. */
    record Case(String name, String source, int size, double cropFraction, String interpolation, int channels,
            float[] mean, float[] std) {
        Preprocessing preprocessing() {
            return new Preprocessing(size, cropFraction, Preprocessing.Interpolation.valueOf(interpolation), mean, std, channels);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() throws IOException {
        String json = Files.readString(Fixtures.path("parity/parity.json"));
        return Arrays.stream(new Gson().fromJson(json, Case[].class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesTorchvision(Case c) throws Exception {
        BufferedImage image = c.source().startsWith("formula:")
                ? formulaImage(c.source().substring("formula:".length()))
                : ImageLoader.load(Fixtures.path("parity/" + c.source()));
        NpyTensor expected = NpyReader.read(Fixtures.path("parity/" + c.name() + ".npy"));
        assertArrayEquals(new long[] {c.channels(), c.size(), c.size()}, expected.shape());

        float[] actual = Preprocessor.toTensor(image, c.preprocessing());
        assertEquals(expected.data().length, actual.length);

        int plane = c.size() * c.size();
        double worst = 0; // in 8-bit levels, before normalisation
        double total = 0;
        for (int i = 0; i < actual.length; i++) {
            double levels = Math.abs(actual[i] - expected.data()[i]) * c.std()[i / plane] * 255;
            worst = Math.max(worst, levels);
            total += levels;
        }
        System.out.printf("parity %-24s max difference %.3f/255, mean %.3f/255%n", c.name(), worst, total / actual.length);
        assertTrue(worst <= 2.0, c.name() + ": differs from torchvision by " + worst + "/255");
    }

    /** Same integers as formula_image in make_input_fixtures.py; "600x400" gives a 600 × 400 image. */
    static BufferedImage formulaImage(String size) {
        String[] wh = size.split("x");
        int w = Integer.parseInt(wh[0]);
        int h = Integer.parseInt(wh[1]);
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = 0;
                for (int c = 0; c < 3; c++) {
                    long v = ((long) x * 73 + (long) y * 151 + ((long) x * y) % 97 * 11 + c * 50) % 256;
                    rgb = rgb << 8 | (int) v;
                }
                image.setRGB(x, y, 0xff000000 | rgb);
            }
        }
        return image;
    }
}
