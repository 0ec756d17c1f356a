package org.splitscope.input;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.splitscope.SplitScopeException;

/** Turns the user's input paths into network inputs: images are preprocessed, .npy taken as they are. */
public final class Samples {
    private Samples() {}

    /** Files in the order given; a directory stands for its image files sorted by name. */
    public static List<Path> expand(List<Path> inputs) throws SplitScopeException {
        List<Path> files = new ArrayList<>();
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                List<Path> images = ImageLoader.listImages(input);
                if (images.isEmpty()) {
                    throw new SplitScopeException(input + ": no image files in this folder");
                }
                files.addAll(images);
            } else if (Files.isRegularFile(input)) {
                files.add(input);
            } else {
                throw new SplitScopeException(input + ": no such file or folder");
            }
        }
        return files;
    }

    public static boolean isNpy(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".npy");
    }

    /** An image already decoded (read from a file, pasted, a sample) as the network's input. */
    public static Sample of(String source, BufferedImage image, Preprocessing preprocessing) {
        int size = preprocessing.size();
        return new Sample(source, new long[] {preprocessing.channels(), size, size},
                Preprocessor.toTensor(image, preprocessing));
    }

    /**
     * An image gives one sample; a float32 .npy holding [N, C, H, W] or [C, H, W] gives its N images,
     * already preprocessed (for reproducing a Python pipeline exactly).
     */
    public static List<Sample> load(Path file, Preprocessing preprocessing) throws SplitScopeException {
        String name = file.getFileName().toString();
        if (!isNpy(file)) {
            BufferedImage image = ImageLoader.load(file);
            int size = preprocessing.size();
            int frames = ImageLoader.frames(file);
            String source = frames > 1 ? name + " (frame 1 of " + frames + ")" : name; // said wherever it is shown
            return List.of(of(source, image, preprocessing));
        }
        NpyTensor array = NpyReader.read(file);
        long[] shape = array.shape();
        if (array.data().length == 0) {
            throw new SplitScopeException(name + ": the array of shape " + java.util.Arrays.toString(shape)
                    + " holds no image");
        }
        for (int i = 0; i < array.data().length; i++) {
            if (!Float.isFinite(array.data()[i])) {
                throw new SplitScopeException(name + ": value " + i + " is " + array.data()[i]
                        + "; a network input must be finite (NaN or infinity here would give NaN predictions)");
            }
        }
        if (shape.length == 3) {
            return List.of(new Sample(name, shape, array.data()));
        }
        if (shape.length != 4) {
            throw new SplitScopeException(name + ": expected a float32 array [N, C, H, W] or [C, H, W], got "
                    + java.util.Arrays.toString(shape));
        }
        int per = Math.toIntExact(shape[1] * shape[2] * shape[3]);
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < shape[0]; i++) {
            float[] one = new float[per];
            System.arraycopy(array.data(), i * per, one, 0, per);
            samples.add(new Sample(name + "[" + i + "]", new long[] {shape[1], shape[2], shape[3]}, one));
        }
        return samples;
    }
}
