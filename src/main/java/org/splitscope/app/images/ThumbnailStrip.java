package org.splitscope.app.images;

import java.awt.image.BufferedImage;
import javafx.collections.MapChangeListener;
import javafx.geometry.Orientation;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import org.splitscope.app.figure.FxImages;
import org.splitscope.app.session.ImageItem;
import org.splitscope.render.Raster;

/** The images as a horizontal strip of thumbnails; arrow keys step through them. */
public final class ThumbnailStrip extends ListView<ImageItem> {
    private static final double SIZE = 56;

    public ThumbnailStrip(ImagesViewModel vm) {
        super(vm.images());
        getStyleClass().add("thumbnail-strip");
        getStylesheets().add(ThumbnailStrip.class.getResource("images.css").toExternalForm());
        setOrientation(Orientation.HORIZONTAL);
        setPrefHeight(SIZE + 70);
        setMinHeight(SIZE + 50);
        setPlaceholder(new javafx.scene.control.Label("Open images or a folder, paste (Ctrl+V), or drop files here"));
        setCellFactory(list -> new ListCell<>() {
            private final ImageView view = new ImageView();

            {
                view.setFitWidth(SIZE);
                view.setFitHeight(SIZE);
                view.setPreserveRatio(true);
                setContentDisplay(ContentDisplay.TOP);
                setPrefWidth(SIZE + 24);
            }

            @Override
            protected void updateItem(ImageItem item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setGraphic(null);
                    setText(null);
                    setTooltip(null);
                    return;
                }
                BufferedImage thumb = vm.thumbnails().get(item);
                view.setImage(thumb == null ? null : FxImages.of(Raster.of(thumb)));
                // tiny inputs (28×28) stay crisp; photos are already scaled down smoothly
                view.setSmooth(thumb == null || Math.max(thumb.getWidth(), thumb.getHeight()) > SIZE);
                setGraphic(view);
                setText(item.name());
                setTooltip(new Tooltip(item.file() == null ? item.name() : item.file().toString()));
            }
        });
        vm.thumbnails().addListener((MapChangeListener<ImageItem, BufferedImage>) c -> refresh());
        getSelectionModel().selectedIndexProperty().addListener((obs, old, now) -> {
            if (now.intValue() >= 0) {
                vm.selectedProperty().set(now.intValue());
            }
        });
        vm.selectedProperty().addListener((obs, old, now) -> {
            int i = now.intValue();
            if (i >= 0 && i != getSelectionModel().getSelectedIndex()) {
                getSelectionModel().select(i);
                scrollTo(Math.max(0, i - 2));
            }
        });
    }
}
