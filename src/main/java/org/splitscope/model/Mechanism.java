package org.splitscope.model;

import java.util.Locale;
import java.util.Optional;

/**
 * The channel-attention mechanism in a residual block. All fit one capture layout, attention
 * [N, R, K, C/K]: SE and ECA are sigmoid gates (R = 1, K = 1), SK a softmax over its M paths
 * (R = M, K = 1), split attention an r-softmax per cardinal group (a sigmoid at R = 1).
 */
public enum Mechanism {
    /** ResNeSt's split attention (replaces the 3×3 conv). */
    SPLAT("split attention", "conv2"),
    /** Squeeze-and-excitation (SENet): fc1 → ReLU → fc2 → sigmoid, after the block's last BN. */
    SE("squeeze-excitation", "se"),
    /** Efficient channel attention (ECA-Net): a 1-d conv across the pooled channels → sigmoid. */
    ECA("efficient channel attention", "se"),
    /** Selective kernel (SKNet): a softmax over M paths of different dilation (replaces a 3×3 conv). */
    SK("selective kernel", "conv2"),
    /** No attention: a plain ResNet/ResNeXt block. */
    NONE("none", null);

    private final String words;
    private final String module;

    Mechanism(String words, String module) {
        this.words = words;
        this.module = module;
    }

    /** How views and reports name it: "squeeze-excitation". */
    public String words() {
        return words;
    }

    /** The short name used in files (capture.json, model cards): "se". */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The mechanism a file names by its {@link #key()}; empty for a name SplitScope does not know. */
    public static Optional<Mechanism> ofKey(String key) {
        for (Mechanism m : values()) {
            if (m.key().equals(key)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /** Whether the attention is a per-channel sigmoid gate rather than a distribution over splits or paths. */
    public boolean isGate(int radix) {
        return this == SE || this == ECA || (this == SPLAT && radix == 1);
    }

    String defaultModule() {
        return module;
    }
}
