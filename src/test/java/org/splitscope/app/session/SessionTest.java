package org.splitscope.app.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.splitscope.Launcher;
import org.splitscope.app.base.SerialTaskExecutor;
import org.splitscope.app.TestModels;
import org.splitscope.runtime.Engines;
import org.splitscope.engine.LoadedModel;
import org.splitscope.engine.ModelLoader;

class SessionTest {

    private static LoadedModel model() throws Exception {
        Engines.configure(2);
        return ModelLoader.load(new ModelLoader.Request(TestModels.gray28(), null, false, null, Engines.device("cpu")));
    }

    @Test
    void bigModelsCaptureSplitMapsOnlyForTheSelectedBlockOnDemand() throws Exception {
        try (LoadedModel model = model()) {
            Session session = new Session(SerialTaskExecutor.direct());
            session.setEagerSplitLimit(1); // the test model's 3 blocks count as "many"
            session.blockProperty().set("layer1.0");
            session.modelProperty().set(model);
            session.imageProperty().set(ImageItem.ofFile(TestModels.image()));
            ImageCapture c = session.capture();
            assertNotNull(c);
            assertTrue(c.hasSplits("layer1.0"));
            assertFalse(c.hasSplits("layer3.0"));
            assertEquals(1, session.forwardsProperty().get());
            session.blockProperty().set("layer3.0");
            assertTrue(session.capture().hasSplits("layer3.0"), "captured when selected");
            assertEquals(2, session.forwardsProperty().get());
            session.blockProperty().set("layer1.0");
            session.blockProperty().set("layer3.0");
            assertEquals(2, session.forwardsProperty().get(), "captured once");
            session.modelProperty().set(null);
        }
    }

    @Test
    void steppingThroughBlocksRunsOnlyTheLatestRequest() throws Exception {
        try (LoadedModel model = model()) {
            java.util.Deque<Runnable> queue = new java.util.ArrayDeque<>();
            Session session = new Session(SerialTaskExecutor.of(queue::add, Runnable::run));
            session.setEagerSplitLimit(1);
            session.blockProperty().set("layer1.0");
            session.modelProperty().set(model);
            session.imageProperty().set(ImageItem.ofFile(TestModels.image()));
            drain(queue);
            assertEquals(1, session.forwardsProperty().get());
            // five quick Ctrl+↓/↑ while the worker is busy elsewhere: nothing has run yet
            for (String block : new String[] {"layer2.0", "layer3.0", "layer2.0", "layer1.0", "layer3.0"}) {
                session.blockProperty().set(block);
            }
            drain(queue);
            assertEquals(2, session.forwardsProperty().get(), "one forward, for the block selected last");
            assertTrue(session.capture().hasSplits("layer3.0"));
            assertFalse(session.capture().hasSplits("layer2.0"), "superseded requests were dropped");
            session.blockProperty().set("layer2.0");
            drain(queue);
            assertTrue(session.capture().hasSplits("layer2.0"), "a dropped block is captured when selected again");
            session.modelProperty().set(null);
            drain(queue);
        }
    }

    @Test
    void aNewImageOrModelClearsTheOldCaptureAtOnce() throws Exception {
        try (LoadedModel model = model()) {
            java.util.Deque<Runnable> queue = new java.util.ArrayDeque<>();
            Session session = new Session(SerialTaskExecutor.of(queue::add, Runnable::run));
            session.modelProperty().set(model);
            session.imageProperty().set(ImageItem.ofFile(TestModels.image()));
            drain(queue);
            assertNotNull(session.capture());
            session.imageProperty().set(ImageItem.ofFile(TestModels.image()));
            assertEquals(null, session.capture(), "never one image's attention under another's name");
            drain(queue);
            assertNotNull(session.capture());
            session.modelProperty().set(null);
            drain(queue);
        }
    }

    private static void drain(java.util.Deque<Runnable> queue) {
        while (!queue.isEmpty()) {
            queue.poll().run();
        }
    }

    @Test
    void groupAndSplitStayWithinTheBlock() throws Exception {
        try (LoadedModel model = model()) {
            Session session = new Session(SerialTaskExecutor.direct());
            session.modelProperty().set(model);
            session.groupProperty().set(7);
            session.splitProperty().set(5);
            session.imageProperty().set(ImageItem.ofFile(TestModels.image()));
            assertEquals(-1, session.groupProperty().get());
            assertEquals(0, session.splitProperty().get());
            session.modelProperty().set(null);
        }
    }

    @Test
    void anImageThatCannotBeReadIsReportedNotThrown() throws Exception {
        try (LoadedModel model = model()) {
            Session session = new Session(SerialTaskExecutor.direct());
            java.util.List<Problem> problems = new java.util.ArrayList<>();
            session.setProblemHandler(problems::add);
            session.modelProperty().set(model);
            session.imageProperty().set(ImageItem.ofFile(Path.of("no/such/image.png")));
            assertEquals(1, problems.size());
            assertTrue(problems.get(0).message().contains("image.png"), problems.get(0).message());
            session.modelProperty().set(null);
        }
        assertNotNull(Launcher.class);
    }
}
