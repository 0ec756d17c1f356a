package org.splitscope.render;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The colour scales of every figure: matplotlib's perceptually uniform viridis and magma, and two
 * diverging ones (coolwarm, RdBu reversed so that red is high) for values around a centre such as
 * the uniform attention 1/R. The tables are matplotlib's own, 256 entries each.
 */
public enum Colormap {
    VIRIDIS("viridis", false),
    MAGMA("magma", false),
    COOLWARM("coolwarm", true),
    RDBU("RdBu", true);

    public static final int SIZE = 256;

    private final String displayName;
    private final boolean diverging;
    private final int[] lut;

    Colormap(String displayName, boolean diverging) {
        this.displayName = displayName;
        this.diverging = diverging;
        this.lut = read(name().toLowerCase(Locale.ROOT).equals("rdbu") ? "rdbu_r.txt"
                : name().toLowerCase(Locale.ROOT) + ".txt");
    }

    private static int[] read(String resource) {
        int[] table = new int[SIZE];
        try (InputStream in = Colormap.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("colormap table " + resource + " is missing from the build");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            int i = 0;
            for (String line; (line = reader.readLine()) != null; ) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                table[i++] = 0xFF000000 | Integer.parseInt(line, 16);
            }
            if (i != SIZE) {
                throw new IllegalStateException("colormap table " + resource + " has " + i + " entries, not " + SIZE);
            }
            return table;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read colormap table " + resource, e);
        }
    }

    /** Opaque ARGB for t in [0, 1] (clamped); NaN gives mid grey so missing values stand out as neutral. */
    public int argb(double t) {
        if (Double.isNaN(t)) {
            return 0xFF808080;
        }
        int i = (int) Math.round(Math.max(0, Math.min(1, t)) * (SIZE - 1));
        return lut[i];
    }

    /** A copy of the 256 ARGB entries, low to high. */
    public int[] table() {
        return lut.clone();
    }

    public boolean diverging() {
        return diverging;
    }

    public String displayName() {
        return displayName;
    }

    @Override
    public String toString() {
        return displayName;
    }
}
