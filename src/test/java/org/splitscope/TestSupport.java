package org.splitscope;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.splitscope.runtime.Engines;

/** Shared test helpers: the engine set up as the program does it, fixture paths, npz reading. */
public final class TestSupport {
    private TestSupport() {}

    public static NDManager manager() {
        Engines.configure(2);
        return NDManager.newBaseManager(ai.djl.Device.cpu(), "PyTorch");
    }

    public static Path resource(String relative) {
        return Path.of("src/test/resources").resolve(relative);
    }

    /** An npz (or safetensors) file as named arrays, through DJL's own codec. */
    public static Map<String, NDArray> decode(NDManager manager, Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            NDList list = NDList.decode(manager, in);
            Map<String, NDArray> byName = new LinkedHashMap<>();
            for (NDArray array : list) {
                byName.put(array.getName(), array);
            }
            return byName;
        }
    }

    public static float maxAbsDiff(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new AssertionError("lengths differ: " + a.length + " vs " + b.length);
        }
        float max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }
}
