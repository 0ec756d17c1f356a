package org.splitscope.model;

/**
 * Keys under which a checkpoint describes itself (safetensors {@code __metadata__}, DJL model
 * properties): SplitScope's own models carry these, so no preset or flag is needed to open them.
 * Values are JSON.
 */
public final class Metadata {
    /** A {@link ResNeStConfig}. */
    public static final String CONFIG = "splitscope.config";
    /** An {@code org.splitscope.input.Preprocessing}. */
    public static final String PREPROCESSING = "splitscope.preprocessing";
    /** An array of class names. */
    public static final String LABELS = "splitscope.labels";
    /** A display name (a plain string, not JSON). */
    public static final String NAME = "splitscope.name";

    private Metadata() {}
}
