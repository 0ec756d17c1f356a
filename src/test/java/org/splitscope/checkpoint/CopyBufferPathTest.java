package org.splitscope.checkpoint;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The path a GPU manager takes (bytes through a direct buffer that DJL copies to the device),
 * exercised on the CPU: it must give the same tensors as filling CPU tensors in place.
 */
class CopyBufferPathTest extends WithManager {

    private static TensorFactory copying(Path file) {
        return new TensorFactory(file, manager, false);
    }

    @Test
    void safetensors() throws Exception {
        for (String name : new String[] {"tiny.safetensors", "mixed_dtypes.safetensors"}) {
            Path file = Fixtures.path(name);
            try (FileChannel channel = FileChannel.open(file)) {
                StateDict dict = SafetensorsReader.read(file, channel, copying(file));
                if (name.startsWith("tiny")) {
                    Fixtures.assertTiny(dict);
                } else {
                    TorchCheckpointTest.assertMixedDtypes(dict);
                }
            }
        }
    }

    @Test
    void torchZipAndLegacy() throws Exception {
        Path zip = Fixtures.path("tiny_zip.pth");
        Fixtures.assertTiny(TorchZipReader.read(zip, Files.size(zip), copying(zip)));
        Path mixed = Fixtures.path("mixed_dtypes_zip.pth");
        TorchCheckpointTest.assertMixedDtypes(TorchZipReader.read(mixed, Files.size(mixed), copying(mixed)));
        Path legacy = Fixtures.path("tiny_legacy.pth");
        try (FileChannel channel = FileChannel.open(legacy)) {
            Fixtures.assertTiny(TorchLegacyReader.read(legacy, channel, copying(legacy)));
        }
    }
}
