package org.splitscope.input;

import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Opens image files through their {@link Path}, never a {@code java.io.File}: a name that is not
 * valid in the locale's encoding (a Latin-1 name on a UTF-8 system, any non-ASCII name under
 * {@code LANG=C}) survives only as the path's raw bytes, and converting it to a File string loses
 * them — the file is then "not found".
 */
final class ImageFiles {
    private ImageFiles() {}

    static ImageInputStream open(Path file) throws IOException {
        // buffered in memory, not in a temporary file: inputs are bounded (50 MP, see ImageLoader)
        return new MemoryCacheImageInputStream(Channels.newInputStream(Files.newByteChannel(file)));
    }
}
