package org.splitscope.app.base;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * Runs jobs one after another on a single worker: the engine's model work must not overlap (one
 * model in memory, one forward at a time), and a model is closed only after the captures queued
 * before its replacement. Callbacks and status updates go through {@code ui}.
 */
public final class SerialTaskExecutor implements TaskExecutor {
    private final java.util.concurrent.Executor worker;
    private final java.util.concurrent.Executor ui;
    private final ExecutorService owned;
    private final TaskStatus status = new TaskStatus();
    private final Deque<JobHandle> live = new ArrayDeque<>(); // touched on the ui thread only
    private final AtomicInteger pending = new AtomicInteger();
    private String outcome; // touched on the ui thread only
    private String last; // the last job's own message, on the ui thread

    private SerialTaskExecutor(java.util.concurrent.Executor worker, java.util.concurrent.Executor ui,
            ExecutorService owned) {
        this.worker = worker;
        this.ui = ui;
        this.owned = owned;
    }

    /** A daemon worker thread; results on the FX thread. */
    public static SerialTaskExecutor background() {
        ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "splitscope-model");
            t.setDaemon(true);
            return t;
        });
        return new SerialTaskExecutor(thread, Platform::runLater, thread);
    }

    /** Jobs on {@code worker}, callbacks through {@code ui} (tests of the threading without an FX thread). */
    public static SerialTaskExecutor of(java.util.concurrent.Executor worker, java.util.concurrent.Executor ui) {
        return new SerialTaskExecutor(worker, ui, null);
    }

    /** Everything on the calling thread, at once: view-model tests without an FX thread. */
    public static SerialTaskExecutor direct() {
        return new SerialTaskExecutor(Runnable::run, Runnable::run, null);
    }

    private final class JobHandle implements Handle, Progress {
        private final AtomicBoolean cancelled = new AtomicBoolean();

        @Override
        public void cancel() {
            cancelled.set(true);
        }

        @Override
        public boolean isCancelled() {
            return cancelled.get();
        }

        @Override
        public void update(double fraction, String message) {
            if (!isCancelled()) {
                ui.execute(() -> status.progressed(fraction, message));
            }
        }
    }

    @Override
    public <T> Handle submit(String title, Job<T> job, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
        JobHandle handle = new JobHandle();
        live.add(handle);
        if (pending.getAndIncrement() == 0) {
            outcome = null;
            status.started(title == null ? "Working" : title); // busy from now on, not only once the worker picks it up
        }
        worker.execute(() -> {
            if (handle.isCancelled()) {
                ui.execute(() -> done(handle, title == null ? null : "Cancelled: " + title));
                return;
            }
            if (title != null) {
                ui.execute(() -> status.started(title));
            }
            long start = System.nanoTime();
            T result;
            try {
                result = job.run(handle);
            } catch (Throwable e) {
                ui.execute(() -> {
                    try {
                        if (!handle.isCancelled()) {
                            onFailure.accept(e);
                        }
                    } finally {
                        done(handle, title == null ? null : title + " failed");
                    }
                });
                return;
            }
            long ms = (System.nanoTime() - start) / 1_000_000;
            ui.execute(() -> {
                // The callback runs before the job counts as done, so work it submits keeps the status busy.
                try {
                    if (!handle.isCancelled()) {
                        onSuccess.accept(result);
                    } else {
                        discard(result);
                    }
                } finally {
                    done(handle, title == null ? null
                            : handle.isCancelled() ? "Cancelled: " + title : title + " finished in " + ms + " ms");
                }
            });
        });
        return handle;
    }

    /** A result nobody will take (its job was superseded) still owns native memory: free it. */
    private void discard(Object result) {
        if (result instanceof AutoCloseable closeable) {
            worker.execute(() -> {
                try {
                    closeable.close();
                } catch (Exception e) {
                    // nothing holds it any more; a failed close only loses the memory
                }
            });
        }
    }

    /** @param message the job's own last word, or null for housekeeping; an announcement beats it */
    private void done(JobHandle handle, String message) {
        live.remove(handle);
        if (message != null && !message.startsWith("Cancelled: ")) {
            last = message;
        }
        if (pending.decrementAndGet() == 0) {
            status.finished(outcome != null ? outcome : last != null ? last : "Ready");
            outcome = null;
            last = null;
        }
    }

    /** On the ui thread, from a job's callback (which runs before the job counts as done). */
    @Override
    public void announce(String text) {
        if (pending.get() == 0) {
            status.finished(text); // nothing running: say it now
        } else {
            outcome = outcome == null ? text : outcome + " · " + text; // "Opened x · Captured y"
        }
    }

    @Override
    public TaskStatus status() {
        return status;
    }

    @Override
    public void cancelAll() {
        for (JobHandle handle : live) {
            handle.cancel();
        }
    }

    @Override
    public void shutdown() {
        cancelAll();
        if (owned != null) {
            owned.shutdownNow();
        }
    }

    /**
     * After {@link #shutdown()}: waits (a bounded time) for the job still running to return, so that
     * nothing is inside the engine when it closes and the process exits.
     */
    public void awaitStopped(long millis) {
        if (owned == null) {
            return;
        }
        try {
            owned.awaitTermination(millis, java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
