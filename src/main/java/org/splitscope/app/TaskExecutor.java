package org.splitscope.app;

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

    /** A submitted job. Cancelling drops its result; a forward already running finishes first. */
    interface Handle {
        void cancel();

        boolean isCancelled();
    }

    /**
     * @param onSuccess called on the FX thread with the result, unless the job was cancelled
     * @param onFailure called on the FX thread with what the job threw
     */
    <T> Handle submit(String title, Job<T> job, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure);

    /** What the status bar shows: the running job, its progress, a cancel action. */
    TaskStatus status();

    /** Cancels the running job and everything queued. */
    void cancelAll();

    /** Stops the worker at exit; jobs still queued are dropped. */
    void shutdown();
}
