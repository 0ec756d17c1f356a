package org.splitscope.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

/**
 * What the known-answer check's verdict belongs to: this CPU (model name and flags from
 * {@code /proc/cpuinfo}) and this libtorch (the version DJL's native jar names, or the user's
 * {@code PYTORCH_LIBRARY_PATH}). Another CPU, another libtorch or another check model: a new check.
 *
 * @param model the CPU's model name
 * @param flags its flags
 * @param libtorch the libtorch build
 */
record IsaMachine(String model, Set<String> flags, String libtorch) {
    /** Bumped when the check model or its rules change, so older verdicts are redone. */
    private static final String CHECK_VERSION = "kernel-check 1";

    /** This machine, or null where the check does not apply (not Linux on x86-64, no /proc/cpuinfo). */
    static IsaMachine current() {
        String arch = System.getProperty("os.arch", "");
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")
                || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            return null;
        }
        try {
            return fromCpuinfo(Files.readString(Path.of("/proc/cpuinfo")), libtorchVersion());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** From the first processor's block of {@code /proc/cpuinfo}; null without a flags line. */
    static IsaMachine fromCpuinfo(String cpuinfo, String libtorch) {
        String model = "";
        Set<String> flags = null;
        for (String line : cpuinfo.lines().toList()) {
            if (line.isBlank() && flags != null) {
                break;
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = line.substring(0, colon).strip();
            String value = line.substring(colon + 1).strip();
            if (name.equals("model name")) {
                model = value;
            } else if (name.equals("flags")) {
                flags = Set.of(value.split("\\s+"));
            }
        }
        return flags == null ? null : new IsaMachine(model, flags, libtorch);
    }

    /** The levels worth trying here, lowest first: only those the CPU has (a higher cap changes nothing). */
    List<String> candidates() {
        List<String> out = new ArrayList<>();
        if (flags.contains("avx")) {
            out.add("AVX");
        }
        if (flags.contains("avx2")) {
            out.add("AVX2");
        }
        if (flags.containsAll(Set.of("avx512f", "avx512bw", "avx512vl", "avx512dq"))) {
            out.add("AVX512_CORE");
            // ALL adds VNNI/BF16/AMX kernels on top; without any of them it is AVX512_CORE again
            if (flags.stream().anyMatch(f -> f.equals("avx512_vnni") || f.equals("avx512_bf16")
                    || f.equals("amx_tile") || f.equals("avx512_fp16"))) {
                out.add("ALL");
            }
        }
        return out;
    }

    /** A file-name-safe digest of everything the verdict depends on. */
    String key() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            String all = CHECK_VERSION + "\n" + model + "\n" + String.join(" ", new java.util.TreeSet<>(flags)) + "\n"
                    + libtorch;
            return HexFormat.of().formatHex(sha.digest(all.getBytes(StandardCharsets.UTF_8))).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** DJL's bundled libtorch ("2.7.1-20250812 cpu"), or the one the user points DJL at. */
    static String libtorchVersion() {
        String own = System.getenv("PYTORCH_LIBRARY_PATH");
        if (own != null) {
            return "PYTORCH_LIBRARY_PATH=" + own;
        }
        Properties p = new Properties();
        try (InputStream in = IsaMachine.class.getResourceAsStream("/native/lib/pytorch.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // unknown: the key still tells CPUs apart
        }
        return p.getProperty("version", "unknown") + " " + p.getProperty("flavor", "");
    }
}
