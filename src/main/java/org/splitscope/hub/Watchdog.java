package org.splitscope.hub;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A read timeout for a response body: the JDK's HttpClient times out waiting for headers, not for
 * the bytes after them, so a server that stops sending would hold the download (and its lock)
 * forever. Each read is given {@code timeout}; when it passes, the stream is closed, which wakes the
 * blocked read, and the read fails with an {@link HttpTimeoutException} that says so.
 */
final class Watchdog implements AutoCloseable {
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "splitscope-download-timeout");
        t.setDaemon(true);
        return t;
    });

    private final InputStream in;
    private final Duration timeout;
    private volatile boolean fired;

    Watchdog(InputStream in, Duration timeout) {
        this.in = in;
        this.timeout = timeout;
    }

    int read(byte[] buffer, int length) throws IOException {
        ScheduledFuture<?> alarm = TIMER.schedule(() -> {
            fired = true;
            try {
                in.close();
            } catch (IOException e) {
                // closing is all we can do; the read below reports the timeout
            }
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
        try {
            return in.read(buffer, 0, length);
        } catch (IOException e) {
            throw fired ? timedOut() : e;
        } finally {
            alarm.cancel(false);
        }
    }

    private HttpTimeoutException timedOut() {
        long ms = timeout.toMillis();
        return new HttpTimeoutException("the server sent nothing for " + (ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms")
                + " (read timeout)");
    }

    @Override
    public void close() {
        // the stream is the caller's to close; nothing is scheduled between reads
    }
}
