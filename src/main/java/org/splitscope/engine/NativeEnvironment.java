package org.splitscope.engine;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;

/**
 * Environment variables that libtorch and its libraries (oneDNN, OpenMP) read when they start: Java
 * cannot change its own environment, so they go through libc's {@code setenv} before the engine
 * loads. A value the user has set is never replaced.
 */
final class NativeEnvironment {
    private NativeEnvironment() {}

    interface C extends Library {
        int setenv(String name, String value, int overwrite);

        String getenv(String name);
    }

    private static C libc() {
        return Platform.isWindows() ? null : Native.load("c", C.class);
    }

    /** Sets {@code name} unless it is set already; false where it cannot (no libc, Windows). */
    static synchronized boolean setDefault(String name, String value) {
        try {
            C c = libc();
            return c != null && c.setenv(name, value, 0) == 0;
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return false; // no libc to talk to: run with what the process has
        }
    }

    /** The variable as native code sees it (System.getenv misses what setenv changed). */
    static String get(String name) {
        try {
            C c = libc();
            return c == null ? System.getenv(name) : c.getenv(name);
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return System.getenv(name);
        }
    }
}
