package org.splitscope;

/** The program's name and version, as the CLI's --version and every figure's provenance give it. */
public final class Version {
    public static final String NAME = "SplitScope 0.1.0";

    private Version() {}
}
