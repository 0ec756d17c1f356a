package org.splitscope.checkpoint;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.splitscope.runtime.Engines;

/** Reader tests share one manager per test class, with the engine set up as the program does it. */
abstract class WithManager {
    static NDManager manager;

    @BeforeAll
    static void startEngine() {
        Engines.configure(0);
        manager = NDManager.newBaseManager();
    }

    @AfterAll
    static void closeManager() {
        manager.close();
    }
}
