package org.splitscope.runtime;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;

/** The few C library calls the engine set-up needs (through JNA); null where there is no libc to call. */
interface Libc extends Library {
    int mallopt(int param, int value);

    int setenv(String name, String value, int overwrite);

    String getenv(String name);

    /** libc, bound once per process (each start asks for it several times before the engine loads). */
    static Libc load() {
        return Holder.LIBC;
    }

    /** A holder, so that the binding is made on first use and only once. */
    final class Holder {
        private Holder() {}

        static final Libc LIBC = bind();

        private static Libc bind() {
            try {
                return Platform.isWindows() ? null : Native.load("c", Libc.class);
            } catch (UnsatisfiedLinkError | RuntimeException e) {
                return null; // no libc to talk to: run with what the process has
            }
        }
    }
}
