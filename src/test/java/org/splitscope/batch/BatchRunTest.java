package org.splitscope.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitscope.SplitScopeException;
import org.splitscope.bundled.BundledModels;
import org.splitscope.runtime.Engines;
import org.splitscope.engine.LoadedModel;
import org.splitscope.engine.ModelLoader;
import org.splitscope.input.Sample;
import org.splitscope.io.FolderLock;
import org.splitscope.io.NpyAppender;

/**
 * The loop capture, cam and knockout share: batches of a fixed size across inputs of one or many
 * images, skip-bad, the stop between batches, and the folder's lock for as long as the run is open.
 */
class BatchRunTest {
    private static final Path SAMPLES = Path.of("resources/samples/fashion-mnist");
    private static LoadedModel model;

    @TempDir
    Path temp;

    @BeforeAll
    static void load() throws Exception {
        model = ModelLoader.load(new ModelLoader.Request(BundledModels.defaultModel(), null, false, null,
                Engines.device("cpu")));
    }

    @AfterAll
    static void close() {
        model.close();
    }

    /** Records each batch's sources and the inputs they came from. */
    private static final class Recorder implements BatchRun.Batches {
        final List<List<String>> batches = new ArrayList<>();
        final List<String> items = new ArrayList<>();

        @Override
        public void add(List<Sample> samples, List<DatasetInput.Item> from) {
            assertEquals(samples.size(), from.size(), "one input per sample");
            batches.add(samples.stream().map(Sample::source).toList());
            from.forEach(i -> items.add(i.file().getFileName().toString()));
        }
    }

    private static final Progress QUIET = (done, total, rate) -> { };

    /** An .npy [3, 1, 28, 28]: one input, three images. */
    private Path threeImages() throws Exception {
        Path npy = temp.resolve("three.npy");
        try (NpyAppender a = new NpyAppender(npy, 1, 28, 28)) {
            a.append(new float[3 * 28 * 28], 0, 3 * 28 * 28);
            a.finish();
        }
        return npy;
    }

    private List<DatasetInput.Item> inputs(Path... files) {
        return BatchRun.unlabelled(List.of(files));
    }

    @Test
    void batchesRunAcrossInputsAndOneInputMayHoldSeveralImages() throws Exception {
        Path out = temp.resolve("out");
        List<DatasetInput.Item> in = inputs(SAMPLES.resolve("bag-0018.png"), threeImages(), SAMPLES.resolve("bag-0030.png"));
        Recorder all = new Recorder();
        try (BatchRun run = BatchRun.lock(out, "capture")) {
            BatchRun.Summary s = run.each(model, in, new BatchRun.Options("capture", 2, false, false, "input"), QUIET, all);
            assertEquals(5, s.samples());
            assertEquals(3, s.inputs());
            assertEquals(List.of(), s.skipped());
        }
        assertEquals(List.of(2, 2, 1), all.batches.stream().map(List::size).toList(), "full batches, the rest last");
        assertEquals(List.of("bag-0018.png", "three.npy", "three.npy", "three.npy", "bag-0030.png"), all.items);

        Recorder first = new Recorder();
        try (BatchRun run = BatchRun.lock(out, "knockout")) {
            BatchRun.Summary s = run.each(model, in, new BatchRun.Options("knockout", 16, true, true, "image"), QUIET, first);
            assertEquals(3, s.samples(), "the first image of each input only");
        }
        assertEquals(List.of("bag-0018.png", "three.npy", "bag-0030.png"), first.items);
    }

    @Test
    void unreadableInputsStopTheRunOrAreListedAndLeftOut() throws Exception {
        Path bad = Files.writeString(temp.resolve("bad.png"), "not an image");
        Path out = temp.resolve("out");
        List<DatasetInput.Item> in = inputs(bad, SAMPLES.resolve("bag-0018.png"));
        try (BatchRun run = BatchRun.lock(out, "capture")) {
            assertThrows(SplitScopeException.class, () -> run.each(model, in,
                    new BatchRun.Options("capture", 8, false, false, "input"), QUIET, new Recorder()));
            Recorder r = new Recorder();
            BatchRun.Summary s = run.each(model, in, new BatchRun.Options("capture", 8, true, false, "input"), QUIET, r);
            assertEquals(1, s.samples());
            assertEquals(1, s.skipped().size());
            assertEquals(bad.toString(), s.skipped().get(0).path());
            SplitScopeException none = assertThrows(SplitScopeException.class, () -> run.each(model, inputs(bad, bad),
                    new BatchRun.Options("knockout", 8, true, true, "image"), QUIET, new Recorder()));
            assertTrue(none.getMessage().startsWith("no image could be read (2 skipped; the first: "), none.getMessage());
        }
    }

    @Test
    void aStopIsTakenBetweenBatchesAndTheLockHeldUntilClose() throws Exception {
        Path out = temp.resolve("out");
        AtomicBoolean stop = new AtomicBoolean();
        List<Integer> progress = new ArrayList<>();
        Progress stopAfterFirst = new Progress() {
            @Override
            public void update(int done, int total, double rate) {
                progress.add(done);
                stop.set(true); // as Ctrl+C would, while the first batch ran
            }

            @Override
            public boolean isCancelled() {
                return stop.get();
            }
        };
        Recorder r = new Recorder();
        try (BatchRun run = BatchRun.lock(out, "cam")) {
            SplitScopeException held = assertThrows(SplitScopeException.class, () -> FolderLock.acquire(out, "cam"));
            assertTrue(held.getMessage().contains("another cam is writing into this folder"), held.getMessage());
            List<DatasetInput.Item> in = inputs(SAMPLES.resolve("bag-0018.png"), SAMPLES.resolve("bag-0030.png"),
                    SAMPLES.resolve("ankle-boot-0000.png"));
            BatchRun.Stopped stopped = assertThrows(BatchRun.Stopped.class, () -> run.each(model, in,
                    new BatchRun.Options("cam", 1, false, false, "input"), stopAfterFirst, r));
            assertEquals("stopped after 1 of 3 inputs", stopped.getMessage());
        }
        assertEquals(1, r.batches.size(), "no batch after the stop");
        assertEquals(List.of(1), progress);
        FolderLock.acquire(out, "cam").close(); // released
    }
}
