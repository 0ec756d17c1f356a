package org.splitscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.FutureTask;
import java.util.function.Predicate;

/**
 * The CLI in a child JVM, as a user starts it: for what one JVM cannot show (signals, -Xmx, system
 * properties read at start, the environment). Built up, then {@link #run()}, {@link #runMerged()}
 * or {@link #start()}:
 * <pre>{@code ChildCli.of("info").jvm("-Duser.home=" + home).unset("DJL_CACHE_DIR").runMerged()}</pre>
 */
public final class ChildCli {
    private final List<String> args;
    private final List<String> jvm = new ArrayList<>();
    private final Map<String, String> env = new LinkedHashMap<>();
    private final List<Predicate<String>> unset = new ArrayList<>();
    private String main = org.splitscope.Launcher.class.getName();

    private ChildCli(List<String> args) {
        this.args = args;
    }

    /** {@code splitscope ARGS} in a child JVM with this test's class path. */
    public static ChildCli of(String... args) {
        return new ChildCli(List.of(args));
    }

    /** JVM options before the main class ({@code -Xmx100m}, {@code -Dname=value}). */
    public ChildCli jvm(String... options) {
        jvm.addAll(List.of(options));
        return this;
    }

    /** Another main class than the program's launcher (a test's own, started the same way). */
    public ChildCli main(Class<?> mainClass) {
        main = mainClass.getName();
        return this;
    }

    /** Variables taken out of the inherited environment. */
    public ChildCli unset(String... names) {
        List<String> list = List.of(names);
        unset.add(list::contains);
        return this;
    }

    /** Every inherited variable whose name {@code names} accepts is taken out. */
    public ChildCli unsetIf(Predicate<String> names) {
        unset.add(names);
        return this;
    }

    /** Variables set for the child (after the ones taken out). */
    public ChildCli env(Map<String, String> values) {
        env.putAll(values);
        return this;
    }

    private ProcessBuilder builder(String... moreJvm) {
        String javaBin = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(javaBin));
        command.addAll(jvm);
        command.addAll(List.of(moreJvm));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command);
        for (Predicate<String> p : unset) {
            pb.environment().keySet().removeIf(p);
        }
        pb.environment().putAll(env);
        return pb;
    }

    /** Runs to the end; stdout and stderr apart (stderr read on its own thread, so neither pipe fills up). */
    public CliRunner.Run run() throws IOException, InterruptedException {
        Process p = builder().start();
        FutureTask<String> err = new FutureTask<>(() -> read(p.getErrorStream()));
        Thread reader = new Thread(err, "child stderr");
        reader.setDaemon(true);
        reader.start();
        String out = read(p.getInputStream());
        int status = p.waitFor();
        try {
            return new CliRunner.Run(status, out, err.get());
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IOException("reading the child's stderr", e.getCause());
        }
    }

    /** Runs to the end with stderr merged into stdout in the order printed ({@code err} is empty). */
    public CliRunner.Run runMerged() throws IOException, InterruptedException {
        Process p = builder().redirectErrorStream(true).start();
        String out = read(p.getInputStream());
        return new CliRunner.Run(p.waitFor(), out, "");
    }

    /**
     * Starts the child with {@code -Dsplitscope.readiness=true} (a command then says "ready: …" on
     * stderr once its work is under way) and stdout discarded; {@link Child#awaitReady()} waits for it.
     */
    public Child start() throws IOException {
        return new Child(builder("-Dsplitscope.readiness=true").redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
    }

    /** {@link #start()}, then waits until the child is ready. */
    public Child startReady() throws Exception {
        Child child = start();
        child.awaitReady();
        return child;
    }

    private static String read(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    /** A started child: its stderr read line by line, so a test can signal it at the right moment. */
    public static final class Child {
        private final Process process;
        private final List<String> lines = new ArrayList<>();
        private final BufferedReader err;

        private Child(Process process) {
            this.process = process;
            this.err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
        }

        /** Blocks until the child prints its readiness line; fails if it ends first. */
        public void awaitReady() throws Exception {
            for (String line; (line = err.readLine()) != null; ) {
                if (line.startsWith("ready: ")) {
                    return;
                }
                lines.add(line);
            }
            throw new AssertionError("the child ended before it was ready (" + process.waitFor() + "): " + lines);
        }

        /** Sends {@code kill -NAME} (TERM, INT, HUP) to the child. */
        public void signal(String name) throws Exception {
            assertEquals(0, new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).start().waitFor());
        }

        /** Reads the rest of stderr and waits for the exit status. */
        public int status() throws Exception {
            for (String line; (line = err.readLine()) != null; ) {
                lines.add(line);
            }
            return process.waitFor();
        }

        /** Stderr's lines read so far (without the readiness line once {@link #awaitReady()} has seen it). */
        public List<String> lines() {
            return List.copyOf(lines);
        }

        /** {@link #lines()} as one string. */
        public String err() {
            return String.join("\n", lines);
        }
    }
}
