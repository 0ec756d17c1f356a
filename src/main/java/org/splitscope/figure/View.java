package org.splitscope.figure;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The views that can be drawn as figures, in the window and by the {@code figure} command. */
public enum View {
    HEATMAPS, SPLITBARS, FEATUREMAPS, GAP,
    /** Statistics over a data set (analyze's output), not one image. */
    DATASET,
    /** A knock-out sweep (knockout's output), not one image. */
    KNOCKOUT,
    /** Two images (or one at three scales) side by side; the window's Compare view. */
    COMPARE,
    /** One block step by step, with one channel followed through it (its own forward with the block's internals). */
    WALKTHROUGH;

    /** Views that other issues add (depth profile, Grad-CAM, variants); not drawable yet. */
    public static final String[] PLANNED = {"depth", "cam", "variants"};

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static String available() {
        return Arrays.stream(values()).map(View::id).collect(Collectors.joining(", "));
    }

    public static View parse(String s) {
        String id = s.trim().toLowerCase(Locale.ROOT);
        for (View v : values()) {
            if (v.id().equals(id)) {
                return v;
            }
        }
        if (Arrays.asList(PLANNED).contains(id)) {
            throw new IllegalArgumentException("the " + id + " view is not part of this version yet; views: "
                    + available());
        }
        throw new IllegalArgumentException("unknown view '" + s + "'; views: " + available());
    }

    @Override
    public String toString() {
        return id();
    }
}
