package org.splitscope.runtime;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One known-answer check (org.splitscope.capture.IsaCheck) child process under one level: its answers as lines, each awaited with a time
 * limit, so a child that hangs or dies only makes its own level lose.
 */
public final class IsaChild implements AutoCloseable {
    /** The child's main class; named, not imported: runtime sits below the model code it runs. */
    static final String CHECK_MAIN = "org.splitscope.capture.IsaCheck";
    /** What starts every line the child answers with. */
    public static final String PREFIX = "kernel-check ";

    private static final String END = "\u0000end";
    private static final int MAX_LINE = 200;
    private final String isa;
    private final Process process;
    private final Writer toChild;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    private IsaChild(String isa, Process process) {
        this.isa = isa;
        this.process = process;
        this.toChild = new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(this::readLines, "kernel-check " + isa);
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts the check under {@code isa}; the child must not start a check of its own. */
    static IsaChild start(String isa, List<String> command) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("ONEDNN_MAX_CPU_ISA", isa);
        pb.environment().put(IsaSelection.SWITCH, "off");
        pb.redirectErrorStream(true);
        return new IsaChild(isa, pb.start());
    }

    String isa() {
        return isa;
    }

    /** Only the check's own lines are kept (libtorch's or the JVM's others are skipped), cut to a short length. */
    private void readLines() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith(PREFIX)) {
                    lines.add(line.substring(PREFIX.length(), Math.min(line.length(), MAX_LINE)));
                }
            }
        } catch (IOException e) {
            // the child is gone: END below
        }
        lines.add(END);
    }

    /** The value after {@code word} in the child's next line; null if it says something else, ends or is late. */
    String await(String word, long timeoutSeconds) {
        try {
            String line = lines.poll(timeoutSeconds, TimeUnit.SECONDS);
            if (line == null || line.equals(END)) {
                if (line == END) {
                    lines.add(END);
                }
                return null;
            }
            return line.equals(word) ? "" : line.startsWith(word + " ") ? line.substring(word.length() + 1) : null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Asks for one timed forward; false if the child is no longer listening. */
    boolean ask(String what) {
        try {
            toChild.write(what + "\n");
            toChild.flush();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        try {
            toChild.close();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
