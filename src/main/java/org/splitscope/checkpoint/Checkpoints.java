package org.splitscope.checkpoint;

import ai.djl.ndarray.NDManager;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads checkpoints safely: safetensors (timm, Hugging Face) and PyTorch {@code .pth}/{@code .bin}
 * in the zip and the legacy format. The format is taken from the content, not the extension.
 *
 * <p>Pickles go through an allow-list (tensors, storages, OrderedDict, plain values): a checkpoint
 * that names any other Python global is refused, never executed or built. Every size and offset is
 * checked against the file before memory is allocated for it.
 */
public final class Checkpoints {
    private Checkpoints() {}

    static final String UNEXPECTED = "unexpected problem while reading";

    static final String SUPPORTED =
            "supported: safetensors, PyTorch .pth/.bin (zip or legacy format), DJL .params";

    /**
     * @return the state dict's tensors in file order, owned by {@code manager}; float tensors as
     *     FLOAT32, integer and boolean tensors in their own type (INT16 as INT32)
     * @throws CheckpointException if the file is missing, unreadable, damaged, of an unknown format
     *     or names anything but state-dict content; the message is one line for the user
     */
    public static StateDict read(Path file, NDManager manager) throws CheckpointException {
        if (Files.isDirectory(file)) {
            throw new CheckpointException(file, "is a folder, not a checkpoint file");
        }
        TensorFactory factory = new TensorFactory(file, manager);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size == 0) {
                throw new CheckpointException(file, "empty file");
            }
            byte[] head = head(channel);
            return switch (Format.detect(head)) {
                case TORCH_ZIP -> TorchZipReader.read(file, size, factory);
                case TORCH_LEGACY -> TorchLegacyReader.read(file, channel, factory);
                case DJL -> DjlParams.read(file, manager);
                case SAFETENSORS -> requireTensors(file, SafetensorsReader.read(file, channel, factory));
                case TAR -> throw new CheckpointException(
                        file, "PyTorch's tar format (before 0.4) is not supported; " + SUPPORTED);
                case UNKNOWN -> throw new CheckpointException(file, "unrecognised checkpoint format; " + SUPPORTED);
            };
        } catch (CheckpointException e) {
            factory.discard();
            throw e;
        } catch (NoSuchFileException e) {
            throw new CheckpointException(file, "file not found", e);
        } catch (AccessDeniedException e) {
            throw new CheckpointException(file, "permission denied", e);
        } catch (EOFException e) {
            factory.discard();
            throw new CheckpointException(file, "truncated: the file ends early", e);
        } catch (IOException e) {
            factory.discard();
            throw new CheckpointException(file, "cannot read: " + Messages.printable(String.valueOf(e.getMessage())), e);
        } catch (RuntimeException e) {
            // A safety net: the readers turn every problem they know of into a message of their own.
            factory.discard();
            throw new CheckpointException(file, UNEXPECTED + " (" + Messages.printable(e.toString()) + ")", e);
        }
    }

    private static StateDict requireTensors(Path file, StateDict dict) throws CheckpointException {
        if (dict.tensors().isEmpty()) {
            throw new CheckpointException(file, "no tensors found");
        }
        return dict;
    }

    private static byte[] head(FileChannel channel) throws IOException {
        ByteBuffer head = ByteBuffer.allocate((int) Math.min(channel.size(), 512));
        while (head.hasRemaining() && channel.read(head, head.position()) >= 0) {
            // keep reading: a channel may return fewer bytes than asked
        }
        return head.array();
    }

    /** Formats told apart by their first bytes. */
    enum Format {
        TORCH_ZIP, TORCH_LEGACY, DJL, SAFETENSORS, TAR, UNKNOWN;

        static Format detect(byte[] head) {
            if (startsWith(head, 'P', 'K', 3, 4)) {
                return TORCH_ZIP;
            }
            // 8-byte header length, then a JSON object. Before the pickle test: a header length whose
            // low byte is 0x80 would read as pickle's PROTO opcode (a legacy pickle's byte 8 is in its magic number).
            if (head.length > 8 && head[8] == '{') {
                return SAFETENSORS;
            }
            if (head.length > 0 && (head[0] & 0xff) == 0x80) {
                return TORCH_LEGACY; // pickle PROTO opcode: the legacy format's magic-number pickle
            }
            if (startsWith(head, 'D', 'J', 'L', '@')) {
                return DJL;
            }
            if (head.length >= 262 && new String(head, 257, 5, java.nio.charset.StandardCharsets.US_ASCII).equals("ustar")) {
                return TAR;
            }
            return UNKNOWN;
        }

        private static boolean startsWith(byte[] head, int... prefix) {
            if (head.length < prefix.length) {
                return false;
            }
            for (int i = 0; i < prefix.length; i++) {
                if (head[i] != (byte) prefix[i]) {
                    return false;
                }
            }
            return true;
        }
    }
}
