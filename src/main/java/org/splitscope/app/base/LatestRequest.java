package org.splitscope.app.base;

/**
 * One kind of request of which only the latest matters (opening a model, the split maps of the
 * selected block): a new one cancels the one before, and a callback can tell whether its request is
 * still the latest. Works with executors that run a job inside {@code submit} (tests), since the
 * request is known before its handle is.
 */
public final class LatestRequest {
    private Object current;
    private TaskExecutor.Handle handle;

    /** Cancels the request in flight, if any, and starts a new one. */
    public Object begin() {
        cancel();
        current = new Object();
        return current;
    }

    /** The submitted job of {@code request} (cancelled with it, unless it is already over). */
    public void submitted(Object request, TaskExecutor.Handle job) {
        if (request == current) {
            handle = job;
        }
    }

    /** Ends {@code request}; true if it was still the latest. */
    public boolean finish(Object request) {
        if (request != current) {
            return false;
        }
        current = null;
        handle = null;
        return true;
    }

    public boolean pending() {
        return current != null;
    }

    public void cancel() {
        if (handle != null) {
            handle.cancel();
        }
        current = null;
        handle = null;
    }
}
