package org.splitscope.checkpoint;

import ai.djl.ndarray.NDArray;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads safetensors files (timm, Hugging Face): an 8-byte little-endian header length, a JSON
 * header, then the raw tensor data.
 *
 * <p>Not DJL's {@code NDList.decode}: it reads the whole data section into one heap byte[] (int
 * offsets, so nothing over 2 GB), then copies every tensor again into a direct buffer, and cannot be
 * told the size limits checked here. Reading each tensor from the channel straight into its
 * array's memory is one copy, peak memory is the tensors themselves, and on a 110 MB ResNeSt-50
 * file it took about half the time of NDList.decode (see CheckpointLoadBenchmark).
 */
final class SafetensorsReader {
    private SafetensorsReader() {}

    static StateDict read(Path file, FileChannel channel, TensorFactory factory)
            throws CheckpointException, IOException {
        long size = channel.size();
        long headerLength = readHeaderLength(file, channel);
        if (headerLength <= 0) {
            throw new CheckpointException(file, "safetensors header length " + headerLength + " is not positive");
        }
        if (headerLength > size - 8) {
            throw new CheckpointException(
                    file, "safetensors header length " + headerLength + " exceeds file size " + size);
        }
        if (headerLength > Limits.MAX_SAFETENSORS_HEADER) {
            throw new CheckpointException(
                    file, "safetensors header length " + headerLength + " exceeds the 100 MB limit");
        }
        ByteBuffer json = ByteBuffer.allocate((int) headerLength);
        readFully(channel, json, 8);
        long dataStart = 8 + headerLength;
        SafetensorsHeader header = SafetensorsHeader.parse(file, json.array(), size - dataStart);

        Map<String, NDArray> tensors = new LinkedHashMap<>();
        for (SafetensorsHeader.Entry entry : header.entries()) {
            String what = "tensor '" + Messages.printable(entry.name()) + "'";
            TensorFactory.Filler filler = target -> Buffers.read(file, channel, dataStart + entry.begin(), target, what);
            tensors.put(entry.name(), factory.create(entry.name(), entry.shape(), entry.type(), filler));
        }
        return new StateDict(file, tensors, header.metadata());
    }

    private static long readHeaderLength(Path file, FileChannel channel) throws IOException, CheckpointException {
        ByteBuffer length = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        if (channel.size() < 8) {
            throw new CheckpointException(file, "too short for a safetensors file");
        }
        readFully(channel, length, 0);
        return length.getLong(0);
    }

    private static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, at);
            if (n < 0) {
                throw new IOException("file shrank while reading");
            }
            at += n;
        }
    }
}
