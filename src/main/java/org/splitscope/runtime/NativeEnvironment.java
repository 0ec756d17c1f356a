package org.splitscope.runtime;

/**
 * Environment variables that libtorch and its libraries (oneDNN, OpenMP) read when they start: Java
 * cannot change its own environment, so they go through libc's {@code setenv} before the engine
 * loads. A value the user has set is never replaced.
 */
final class NativeEnvironment {
    private NativeEnvironment() {}

    /** Sets {@code name} unless it is set already; false where it cannot (no libc, Windows). */
    static synchronized boolean setDefault(String name, String value) {
        Libc c = Libc.load();
        return c != null && c.setenv(name, value, 0) == 0;
    }

    /** The variable as native code sees it (System.getenv misses what setenv changed). */
    static String get(String name) {
        Libc c = Libc.load();
        return c == null ? System.getenv(name) : c.getenv(name);
    }
}
