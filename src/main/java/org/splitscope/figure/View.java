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
    /** A class activation map next to the block's split contributions (see {@link CamRequest}). */
    CAM,
    /** Every block of one image in depth order: entropy, saturation, split preference. */
    DEPTH,
    /** One image through every bundled variant, with the ablation table (no --model). */
    VARIANTS,
    /** One block step by step, with one channel followed through it (its own forward with the block's internals). */
    WALKTHROUGH;

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
        throw new IllegalArgumentException("unknown view '" + s + "'; views: " + available());
    }

    @Override
    public String toString() {
        return id();
    }
}
