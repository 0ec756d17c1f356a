package org.splitscope.models;

import java.nio.file.Path;
import org.splitscope.SplitScopeException;

/** The models that ship inside SplitScope (the {@code models/} folder, embedded in the jar). */
public final class BundledModels {
    private BundledModels() {}

    /** The model used when none is named. */
    public static Path defaultModel() throws SplitScopeException {
        // The trained Fashion-MNIST models land with their own change; until then say so plainly.
        throw new SplitScopeException("no bundled default model in this build yet: pass --model FILE");
    }
}
