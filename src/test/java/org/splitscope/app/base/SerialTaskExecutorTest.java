package org.splitscope.app.base;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The executor's contract with real threads: one job at a time, results on the "UI" thread, cancel drops results. */
class SerialTaskExecutorTest {
    private final ExecutorService worker = Executors.newSingleThreadExecutor();
    private final ExecutorService ui = Executors.newSingleThreadExecutor(r -> new Thread(r, "fake-fx"));

    @AfterEach
    void stop() {
        worker.shutdownNow();
        ui.shutdownNow();
    }

    private void onUi(Runnable r) throws Exception {
        ui.submit(r).get(10, TimeUnit.SECONDS);
    }

    @Test
    void resultsComeBackOnTheUiThreadAndACancelledJobDeliversNothing() throws Exception {
        SerialTaskExecutor executor = SerialTaskExecutor.of(worker, ui);
        CountDownLatch release = new CountDownLatch(1);
        List<String> delivered = new CopyOnWriteArrayList<>();
        TaskExecutor.Handle[] second = new TaskExecutor.Handle[1];
        onUi(() -> {
            executor.submit("first", p -> {
                release.await();
                return "a";
            }, r -> delivered.add(r + "@" + Thread.currentThread().getName()), e -> delivered.add("error"));
            second[0] = executor.submit("second", p -> "b", delivered::add, e -> delivered.add("error"));
            assertTrue(executor.status().isRunning(), "busy as soon as work is queued");
            second[0].cancel();
        });
        release.countDown();
        worker.submit(() -> {}).get(10, TimeUnit.SECONDS);
        onUi(() -> {});
        assertEquals(List.of("a@fake-fx"), delivered);
        onUi(() -> {
            assertFalse(executor.status().isRunning());
            // what happened: the job that ran, not the one dropped
            assertTrue(executor.status().messageProperty().get().startsWith("first finished in "),
                    executor.status().messageProperty().get());
        });
    }

    @Test
    void workSubmittedFromACallbackKeepsTheStatusBusy() throws Exception {
        SerialTaskExecutor executor = SerialTaskExecutor.of(worker, ui);
        List<Boolean> seen = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        onUi(() -> {
            executor.status().runningProperty().addListener((obs, old, now) -> seen.add(now));
            executor.submit("capture", p -> 1, r -> executor.submit("split maps", p -> 2, x -> done.countDown(), e -> {}),
                    e -> {});
        });
        assertTrue(done.await(10, TimeUnit.SECONDS));
        onUi(() -> {});
        assertEquals(List.of(true, false), seen, "one busy period, no gap between the two jobs");
    }

    @Test
    void failuresGoToTheFailureCallback() {
        SerialTaskExecutor executor = SerialTaskExecutor.direct();
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        executor.submit("boom", p -> {
            throw new IllegalStateException("boom");
        }, r -> {}, errors::add);
        assertEquals(1, errors.size());
        assertFalse(executor.status().isRunning());
        assertEquals("boom failed", executor.status().messageProperty().get());
    }

    @Test
    void theStatusSaysWhatHappenedNotWhichHousekeepingRanLast() {
        SerialTaskExecutor executor = SerialTaskExecutor.direct();
        executor.submit("Opening a.pth", p -> 1, r -> {
            executor.announce("Opened a.pth in 5 ms");
            executor.submit("Capturing x.png", q -> 2, x -> executor.announce("Captured x.png in 3 ms"), e -> {});
            executor.submit(null, q -> 3, x -> {}, e -> {}); // closing the previous model: says nothing
        }, e -> {});
        assertEquals("Opened a.pth in 5 ms · Captured x.png in 3 ms", executor.status().messageProperty().get());
        executor.submit("Reading y.png", p -> 1, r -> executor.announce("Could not read y.png: not an image"), e -> {});
        assertEquals("Could not read y.png: not an image", executor.status().messageProperty().get());
        executor.announce("Settings forgotten");
        assertEquals("Settings forgotten", executor.status().messageProperty().get(), "said at once when idle");
    }

    @Test
    void aCancelledResultThatOwnsMemoryIsClosed() throws Exception {
        SerialTaskExecutor executor = SerialTaskExecutor.of(worker, ui);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        List<String> delivered = new CopyOnWriteArrayList<>();
        TaskExecutor.Handle[] job = new TaskExecutor.Handle[1];
        onUi(() -> job[0] = executor.submit("load", p -> {
            started.countDown();
            release.await();
            return (AutoCloseable) closed::countDown;
        }, r -> delivered.add("delivered"), e -> delivered.add("error")));
        assertTrue(started.await(10, TimeUnit.SECONDS));
        onUi(() -> job[0].cancel()); // superseded while running
        release.countDown();
        assertTrue(closed.await(10, TimeUnit.SECONDS), "a superseded model is freed, not leaked");
        onUi(() -> {});
        assertEquals(List.of(), delivered);
    }
}
