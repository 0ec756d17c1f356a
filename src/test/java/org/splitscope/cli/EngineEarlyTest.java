package org.splitscope.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which command lines start loading the engine before their arguments are parsed. */
class EngineEarlyTest {
    @Test
    void commandsThatAlwaysNeedTheEngineStartItAtOnce() {
        assertTrue(SplitScopeCli.surelyLoadsTheEngine("capture", "--model", "m", "--input", "i", "--out", "o"));
        assertTrue(SplitScopeCli.surelyLoadsTheEngine("cam", "--model", "m"));
        assertTrue(SplitScopeCli.surelyLoadsTheEngine("analyze", "--input", "d"));
        assertTrue(SplitScopeCli.surelyLoadsTheEngine("knockout", "--input", "d"));
    }

    @Test
    void helpVersionDebugThreadsAndOtherCommandsDoNot() {
        assertFalse(SplitScopeCli.surelyLoadsTheEngine());
        assertFalse(SplitScopeCli.surelyLoadsTheEngine("capture"), "prints only what is missing");
        assertFalse(SplitScopeCli.surelyLoadsTheEngine("capture", "--help"));
        assertFalse(SplitScopeCli.surelyLoadsTheEngine("capture", "-h"));
        assertFalse(SplitScopeCli.surelyLoadsTheEngine("capture", "-V"));
        assertFalse(SplitScopeCli.surelyLoadsTheEngine("capture", "--model", "m", "--debug"),
                "--debug logs the engine's start, so logging is set up first");
        assertFalse(SplitScopeCli.surelyLoadsTheEngine("analyze", "merge", "a", "b"));
        assertFalse(SplitScopeCli.surelyLoadsTheEngine("bench", "--threads", "2"));
        assertFalse(SplitScopeCli.surelyLoadsTheEngine("info", "x"));
        assertFalse(SplitScopeCli.surelyLoadsTheEngine("--debug", "capture", "--model", "m"));
    }
}
