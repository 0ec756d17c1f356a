package org.splitscope.app.images;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import org.splitscope.SplitScopeException;
import org.splitscope.app.base.Settings;
import org.splitscope.app.session.ImageCapture;
import org.splitscope.app.session.ImageItem;
import org.splitscope.app.session.Problem;
import org.splitscope.app.session.Session;
import org.splitscope.capture.Prediction;
import org.splitscope.input.ImageLoader;
import org.splitscope.bundled.BundledSamples;
import org.splitscope.render.Raster;

/**
 * The images to step through: samples, files, folders, pasted pictures. The user's own images stay
 * across model changes; of the bundled samples only those that fit the model are listed (the grey
 * Fashion-MNIST images for one-channel models, the photos for RGB ones). Decoding (for thumbnails)
 * runs on the executor; the selected image goes to the session, which captures it. The top-5 follow
 * the session's capture.
 */
public final class ImagesViewModel {
    /** More images than this from one folder are not listed (a strip is not a file browser). */
    public static final int MAX_IMAGES = 2000;

    private final Session session;
    private final Settings settings;
    private final ObservableList<ImageItem> images = FXCollections.observableArrayList();
    /** Everything added, in order; {@link #images} is the part that fits the model. */
    private final List<ImageItem> all = new ArrayList<>();
    /** The kind of each bundled sample (user images have none). */
    private final Map<ImageItem, String> sampleKinds = new java.util.HashMap<>();
    private final ObservableMap<ImageItem, BufferedImage> thumbnails = FXCollections.observableHashMap();
    private final IntegerProperty selected = new SimpleIntegerProperty(this, "selected", -1);
    private final ReadOnlyObjectWrapper<List<Prediction>> predictions = new ReadOnlyObjectWrapper<>(this, "predictions", List.of());
    private final ReadOnlyObjectWrapper<Raster> input = new ReadOnlyObjectWrapper<>(this, "input");
    private Consumer<Problem> problems = p -> {};
    private int pasted;

    public ImagesViewModel(Session session, Settings settings) {
        this.session = session;
        this.settings = settings;
        selected.addListener((obs, old, now) -> syncImage());
        session.modelProperty().addListener((obs, old, now) -> refresh(session.imageProperty().get()));
        session.captureProperty().addListener((obs, old, now) -> {
            predictions.set(now == null ? List.of() : now.top());
            input.set(now == null ? null : now.input());
        });
    }

    private void syncImage() {
        int i = selected.get();
        session.imageProperty().set(i >= 0 && i < images.size() ? images.get(i) : null);
    }

    private boolean fits(ImageItem item) {
        String kind = sampleKinds.get(item);
        var model = session.modelProperty().get();
        if (kind == null || model == null) {
            return true;
        }
        return (model.preprocessing().channels() == 1) == BundledSamples.GREY_KIND.equals(kind);
    }

    /** Lists what fits the model, keeping {@code keep} selected if it is still listed, else the first. */
    private void refresh(ImageItem keep) {
        List<ImageItem> shown = all.stream().filter(this::fits).toList();
        if (!shown.equals(images)) {
            images.setAll(shown);
        }
        int i = keep == null ? -1 : shown.indexOf(keep);
        selected.set(i >= 0 ? i : shown.isEmpty() ? -1 : 0);
        syncImage(); // the index may be the same while the image under it changed
    }

    public void setProblemHandler(Consumer<Problem> handler) {
        this.problems = handler;
    }

    /** Image files and folders (a folder stands for its images, sorted by name); selects the first new one. */
    public void add(List<Path> paths) {
        List<Path> files = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try {
                    files.addAll(ImageLoader.listImages(p));
                    settings.setImageFolder(p);
                } catch (SplitScopeException e) {
                    skipped.add(e.getMessage());
                }
            } else if (ImageLoader.isImageFile(p)) {
                files.add(p);
                if (p.toAbsolutePath().getParent() != null) {
                    settings.setImageFolder(p.toAbsolutePath().getParent());
                }
            } else {
                skipped.add(p.getFileName() + ": not an image file");
            }
        }
        if (files.size() > MAX_IMAGES) {
            skipped.add((files.size() - MAX_IMAGES) + " more images not listed (at most " + MAX_IMAGES + ")");
            files = files.subList(0, MAX_IMAGES);
        }
        if (files.isEmpty()) {
            problems.accept(new Problem("Opening images", skipped.isEmpty() ? "no image files found"
                    : skipped.get(0), String.join("\n", skipped)));
            return;
        }
        List<Path> todo = List.copyOf(files);
        session.executor().submit("Reading " + (todo.size() == 1 ? todo.get(0).getFileName() : todo.size() + " images"),
                progress -> {
                    Map<ImageItem, BufferedImage> read = new LinkedHashMap<>();
                    List<String> failed = new ArrayList<>(skipped);
                    for (int i = 0; i < todo.size() && !progress.isCancelled(); i++) {
                        progress.update((double) i / todo.size(), "Reading " + todo.get(i).getFileName());
                        try {
                            BufferedImage pixels = ImageLoader.load(todo.get(i));
                            int frames = ImageLoader.frames(todo.get(i));
                            ImageItem item = ImageItem.ofFile(todo.get(i));
                            if (frames > 1) { // only the first frame is used: the name says so
                                item = new ImageItem(item.name() + " (frame 1 of " + frames + ")", item.file(), null);
                            }
                            read.put(item, Thumbnails.of(pixels));
                        } catch (SplitScopeException e) {
                            failed.add(e.getMessage());
                        }
                    }
                    return new Loaded(read, failed);
                }, loaded -> {
                    addAll(loaded.read());
                    int added = loaded.read().size();
                    session.executor().announce(loaded.failed().isEmpty()
                            ? "Added " + (added == 1 ? loaded.read().keySet().iterator().next().name() : added + " images")
                            : (added > 0 ? "Added " + added + (added == 1 ? " image" : " images") + "; could not read "
                                    : "Could not read ") + (loaded.failed().size() == 1 ? loaded.failed().get(0)
                                    : loaded.failed().size() + " files"));
                    if (!loaded.failed().isEmpty()) {
                        problems.accept(new Problem("Opening images", loaded.failed().size() == 1 ? loaded.failed().get(0)
                                : loaded.failed().size() + " files could not be opened; the first: " + loaded.failed().get(0),
                                String.join("\n", loaded.failed())));
                    }
                }, error -> problems.accept(Problem.of("Opening images", error)));
    }

    private record Loaded(Map<ImageItem, BufferedImage> read, List<String> failed) {}

    /** An image from the clipboard (or anywhere in memory). */
    public void addPixels(String name, BufferedImage pixels) {
        ImageItem item = ImageItem.ofPixels(name == null ? "pasted " + (++pasted) : name, pixels);
        addAll(Map.of(item, Thumbnails.of(pixels)));
    }

    /** Adds images and selects the first of them that fits the model. */
    private void addAll(Map<ImageItem, BufferedImage> read) {
        if (read.isEmpty()) {
            return;
        }
        thumbnails.putAll(read);
        all.addAll(read.keySet());
        ImageItem first = read.keySet().stream().filter(this::fits).findFirst().orElse(session.imageProperty().get());
        refresh(first);
    }

    /** The bundled samples (none in a build without them), added without selecting unless nothing is selected. */
    public void addSamples() {
        session.executor().submit("Reading the samples", progress -> {
            Map<ImageItem, BufferedImage> read = new LinkedHashMap<>();
            List<BundledSamples.Entry> entries;
            try {
                entries = BundledSamples.all();
            } catch (SplitScopeException e) {
                return read; // no usable index: no samples, the explorer works without them
            }
            for (BundledSamples.Entry entry : entries) {
                try {
                    Path file = BundledSamples.file(entry);
                    BufferedImage pixels = ImageLoader.load(file);
                    String name = entry.title() == null || entry.title().isBlank() ? file.getFileName().toString()
                            : entry.title();
                    ImageItem item = new ImageItem(name, file, pixels);
                    sampleKinds.put(item, entry.kind());
                    read.put(item, Thumbnails.of(pixels));
                } catch (SplitScopeException e) {
                    // a missing or damaged sample is skipped: samples are a convenience
                }
            }
            return read;
        }, read -> {
            ImageItem before = session.imageProperty().get();
            thumbnails.putAll(read);
            all.addAll(read.keySet());
            refresh(before != null ? before : read.keySet().stream().filter(this::fits).findFirst().orElse(null));
        }, error -> {});
    }

    public void next() {
        if (selected.get() < images.size() - 1) {
            selected.set(selected.get() + 1);
        }
    }

    public void previous() {
        if (selected.get() > 0) {
            selected.set(selected.get() - 1);
        }
    }

    /** Removes the selected image from the strip (the file stays). */
    public void removeSelected() {
        int i = selected.get();
        if (i < 0 || i >= images.size()) {
            return;
        }
        ImageItem gone = images.get(i);
        all.remove(gone);
        sampleKinds.remove(gone);
        thumbnails.remove(gone);
        List<ImageItem> shown = all.stream().filter(this::fits).toList();
        refresh(shown.isEmpty() ? null : shown.get(Math.min(i, shown.size() - 1)));
    }

    public ObservableList<ImageItem> images() {
        return images;
    }

    public ObservableMap<ImageItem, BufferedImage> thumbnails() {
        return thumbnails;
    }

    public IntegerProperty selectedProperty() {
        return selected;
    }

    public ReadOnlyObjectProperty<List<Prediction>> predictionsProperty() {
        return predictions.getReadOnlyProperty();
    }

    /** The input as the network saw it (resized, cropped), for the preview. */
    public ReadOnlyObjectProperty<Raster> inputProperty() {
        return input.getReadOnlyProperty();
    }

    public ImageCapture capture() {
        return session.capture();
    }

    public Settings settings() {
        return settings;
    }
}
