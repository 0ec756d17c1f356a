package org.splitscope.checkpoint;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.splitscope.io.AtomicFiles;
import org.splitscope.model.Metadata;
import org.splitscope.model.ResNeSt;
import org.splitscope.model.ResNeStConfig;

/**
 * DJL's own model files, as {@code Model.save} writes them: {@code DJL@}, format version, model name,
 * data type, input descriptions, string properties, then the block's parameters in DJL's encoding.
 * The block structure is not in the file, so SplitScope keeps its config in the properties
 * ({@link Metadata#CONFIG}); the parameters are then read by DJL itself into a network of that config.
 */
public final class DjlParams {
    private static final String CONFIG = Metadata.CONFIG;
    private static final int MODEL_VERSION = 1;
    private static final int MAX_ENTRIES = 4096;

    private DjlParams() {}

    /** Writes the network's parameters with {@code properties} (the config is added). */
    public static void write(ResNeSt network, String name, Map<String, String> properties, Path file)
            throws IOException {
        Map<String, String> all = new LinkedHashMap<>(properties);
        all.put(CONFIG, new Gson().toJson(network.config()));
        AtomicFiles.write(file, out -> {
            DataOutputStream data = new DataOutputStream(out);
            data.writeBytes("DJL@");
            data.writeInt(MODEL_VERSION);
            data.writeUTF(name);
            data.writeUTF(DataType.FLOAT32.name());
            data.writeInt(network.describeInput().size());
            for (Pair<String, Shape> input : network.describeInput()) {
                data.writeUTF(input.getKey());
                data.write(input.getValue().getEncoded());
            }
            data.writeInt(all.size());
            for (Map.Entry<String, String> property : all.entrySet()) {
                data.writeUTF(property.getKey());
                data.writeUTF(property.getValue());
            }
            network.saveParameters(data);
            data.flush();
        });
    }

    static StateDict read(Path file, NDManager manager) throws CheckpointException {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new CheckpointException(file, "cannot read (" + e.getMessage() + ")");
        }
        try (InputStream raw = Files.newInputStream(file);
                DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16))) {
            byte[] magic = new byte[4];
            in.readFully(magic);
            if (!"DJL@".equals(new String(magic, StandardCharsets.US_ASCII))) {
                throw new CheckpointException(file, "not a DJL parameter file");
            }
            int version = in.readInt();
            if (version != MODEL_VERSION) {
                throw new CheckpointException(file, "DJL model format version " + version + " is not supported");
            }
            in.readUTF(); // model name
            in.readUTF(); // data type
            int inputs = count(in.readInt(), file, "inputs");
            for (int i = 0; i < inputs; i++) {
                in.readUTF();
                Shape.decode(in);
            }
            Map<String, String> properties = new LinkedHashMap<>();
            int entries = count(in.readInt(), file, "properties");
            for (int i = 0; i < entries; i++) {
                properties.put(in.readUTF(), in.readUTF());
            }
            ResNeSt network = new ResNeSt(config(properties, file));
            long expected = network.parameterShapes().values().stream().mapToLong(Shape::size).sum() * Float.BYTES;
            if (expected > size) {
                throw new CheckpointException(file, "truncated: a " + network.config().notation()
                        + " network needs " + expected + " bytes of weights, the file has " + size);
            }
            network.loadParameters(manager, in);
            Map<String, NDArray> tensors = new LinkedHashMap<>();
            for (Pair<String, Parameter> p : network.getParameters()) {
                tensors.put(p.getKey(), p.getValue().getArray());
            }
            return new StateDict(file, tensors, properties);
        } catch (EOFException e) {
            throw new CheckpointException(file, "truncated DJL parameter file");
        } catch (IOException | MalformedModelException | RuntimeException e) {
            throw new CheckpointException(file, "damaged DJL parameter file (" + e.getMessage() + ")");
        } catch (OutOfMemoryError e) {
            // DJL's decoder allocates what an array header declares; a lying header lands here.
            throw new CheckpointException(file, "damaged DJL parameter file (an array declares more data than fits)");
        }
    }

    private static ResNeStConfig config(Map<String, String> properties, Path file) throws CheckpointException {
        String json = properties.get(CONFIG);
        if (json == null) {
            throw new CheckpointException(file, "DJL parameter file without the '" + CONFIG
                    + "' property: DJL files do not record the network, so only files written by SplitScope can be read");
        }
        try {
            return new Gson().fromJson(json, ResNeStConfig.class);
        } catch (JsonParseException | IllegalArgumentException e) {
            throw new CheckpointException(file, "property " + CONFIG + " is not a valid config: " + e.getMessage());
        }
    }

    private static int count(int n, Path file, String what) throws CheckpointException {
        if (n < 0 || n > MAX_ENTRIES) {
            throw new CheckpointException(file, "damaged DJL header: " + n + " " + what);
        }
        return n;
    }
}
