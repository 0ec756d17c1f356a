package org.splitscope.cli;

import java.io.IOException;
import java.util.List;

/**
 * One core's worth of somebody else's work, for {@code bench --contended}: a separate process (so it
 * competes for the CPU as a desktop's other programs do, not inside our JVM's scheduling) that spins
 * until its standard input closes — it ends with the bench, even if the bench is killed.
 */
final class Competitor implements AutoCloseable {
    private final Process process;

    private Competitor(Process process) {
        this.process = process;
    }

    static Competitor start() throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(List.of(java, "-Xmx16m", "-cp", System.getProperty("java.class.path"),
                Competitor.class.getName())).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        return new Competitor(p);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // already gone
        }
    }

    /** Spins on one thread until stdin reaches its end. */
    public static void main(String[] args) {
        Thread spinner = new Thread(() -> {
            long x = 0;
            while (true) {
                x = x * 6364136223846793005L + 1442695040888963407L; // work the JIT cannot remove
                if (x == 42) {
                    System.out.print("");
                }
            }
        });
        spinner.setDaemon(true);
        spinner.start();
        try {
            while (System.in.read() >= 0) {
                // wait for the parent to go away
            }
        } catch (IOException e) {
            // the parent is gone
        }
        System.exit(0);
    }
}
