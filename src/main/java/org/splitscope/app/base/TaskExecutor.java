package org.splitscope.app.base;

import java.util.function.Consumer;

/**
 * Where all model work (loading, capturing, decoding images, writing files) runs: off the FX thread,
 * one job at a time, results handed back on the FX thread. Views and view models only ever see this
 * interface; tests use {@link SerialTaskExecutor#direct()}, which runs everything at once on the
 * caller's thread.
 */
public interface TaskExecutor {

    /** A piece of work; long jobs report progress and look at {@link Progress#isCancelled()} between steps. */
    @FunctionalInterface
    interface Job<T> {
        T run(Progress progress) throws Exception;
    }

    interface Progress {
        /** @param fraction 0 … 1, or negative when unknown */
        void update(double fraction, String message);

        boolean isCancelled();
    }

    /**
     * A submitted job. Cancelling drops it if it has not started, and drops its result otherwise (a
     * result that is AutoCloseable, such as a loaded model, is closed); a capture already running
     * stops at the next block.
     */
    interface Handle {
        void cancel();

        boolean isCancelled();
    }

    /**
     * @param title what the status bar says while the job runs ("Opening x.pth"); null for
     *     housekeeping that the status bar does not mention
     * @param onSuccess called on the FX thread with the result, unless the job was cancelled
     * @param onFailure called on the FX thread with what the job threw
     */
    <T> Handle submit(String title, Job<T> job, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure);

    /**
     * What happened, in the user's words ("Opened x.pth in 80 ms", "Could not read y.png: …"): called
     * on the FX thread, from a job's callback or anywhere; shown once the executor has nothing left to run. Without one, the status
     * bar says which job finished last and how long it took.
     */
    void announce(String outcome);

    /** What the status bar shows: the running job, its progress, a cancel action. */
    TaskStatus status();

    /** Cancels the running job and everything queued. */
    void cancelAll();

    /** Stops the worker at exit; jobs still queued are dropped. */
    void shutdown();
}
