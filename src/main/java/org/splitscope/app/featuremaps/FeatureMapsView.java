package org.splitscope.app.featuremaps;

import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.splitscope.analysis.FeatureMaps;
import org.splitscope.analysis.SplitContributions;
import org.splitscope.app.blocks.BlocksViewModel;
import org.splitscope.app.blocks.ChoiceBox;
import org.splitscope.app.export.Exportable;
import org.splitscope.app.plot.FxImages;
import org.splitscope.render.ColorBars;
import org.splitscope.render.ValueRange;

/** A grid of channel maps, each on its own scale, with a hover readout and zoom. */
public final class FeatureMapsView extends BorderPane implements Exportable {
    private final FeatureMapsViewModel vm;
    private final FlowPane tiles = new FlowPane(6, 6);
    private final VBox figure;
    private final Label caption = new Label();
    private final ImageView legend = new ImageView();
    private final Label readout = new Label();

    public FeatureMapsView(FeatureMapsViewModel vm, BlocksViewModel blocks) {
        this.vm = vm;
        getStyleClass().add("feature-maps-view");
        getStylesheets().add(FeatureMapsView.class.getResource("featuremaps.css").toExternalForm());

        ChoiceBox source = new ChoiceBox(blocks.splitChoicesProperty(), vm.session().splitProperty());
        ChoiceBox group = new ChoiceBox(blocks.groupChoicesProperty(), vm.session().groupProperty());
        ComboBox<FeatureMaps.Order> order = new ComboBox<>();
        order.getItems().setAll(FeatureMaps.Order.values());
        order.setConverter(new StringConverter<>() {
            @Override
            public String toString(FeatureMaps.Order o) {
                return o == null ? "" : switch (o) {
                    case CHANNEL -> "channel index";
                    case ATTENTION -> "attention weight ↓";
                    case ACTIVATION -> "mean activation ↓";
                };
            }

            @Override
            public FeatureMaps.Order fromString(String s) {
                return null;
            }
        });
        order.valueProperty().bindBidirectional(vm.orderProperty());
        Slider zoom = new Slider(FeatureMapsViewModel.MIN_TILE, FeatureMapsViewModel.MAX_TILE, vm.tileSizeProperty().get());
        zoom.valueProperty().bindBidirectional(vm.tileSizeProperty());
        zoom.setPrefWidth(120);
        Button out = new Button(null, new FontIcon(MaterialDesignM.MAGNIFY_MINUS_OUTLINE));
        Button in = new Button(null, new FontIcon(MaterialDesignM.MAGNIFY_PLUS_OUTLINE));
        out.getStyleClass().addAll("button-icon", "flat");
        in.getStyleClass().addAll("button-icon", "flat");
        out.setOnAction(e -> vm.zoom(-1));
        in.setOnAction(e -> vm.zoom(1));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label mapsOf = new Label("Maps of");
        Label sortBy = new Label("Sort by");
        for (Label l : new Label[] {mapsOf, sortBy}) {
            l.setMinWidth(Region.USE_PREF_SIZE);
        }
        source.setMinWidth(Region.USE_PREF_SIZE);
        group.setMinWidth(Region.USE_PREF_SIZE);
        order.setMinWidth(Region.USE_PREF_SIZE);
        HBox header = new HBox(8, mapsOf, source, group, sortBy, order, spacer, out, zoom, in);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("view-header");
        setTop(header);

        caption.getStyleClass().add("caption");
        legend.setFitHeight(12);
        legend.setFitWidth(120);
        HBox captionRow = new HBox(8, caption, new Label("low"), legend, new Label("high (each tile: its own min – max)"));
        captionRow.setAlignment(Pos.CENTER_LEFT);
        captionRow.getStyleClass().add("caption-row");
        tiles.setPadding(new Insets(4, 12, 12, 12));
        figure = new VBox(captionRow, tiles);
        figure.getStyleClass().add("figure");
        ScrollPane scroll = new ScrollPane(figure);
        scroll.setFitToWidth(true);
        scroll.addEventFilter(javafx.scene.input.ScrollEvent.SCROLL, e -> {
            if (e.isControlDown() && e.getDeltaY() != 0) {
                vm.zoom(e.getDeltaY() > 0 ? 1 : -1);
                e.consume();
            }
        });
        setCenter(scroll);
        readout.getStyleClass().add("readout");
        readout.textProperty().bind(vm.readout().textProperty());
        setBottom(readout);

        vm.gridProperty().addListener((obs, old, now) -> rebuild());
        vm.tileSizeProperty().addListener((obs, old, now) -> resize());
        rebuild();
    }

    private void rebuild() {
        FeatureMapsViewModel.Grid g = vm.gridProperty().get();
        tiles.getChildren().clear();
        if (g == null) {
            caption.setText("");
            return;
        }
        String groupName = g.block().cardinality() == 1 ? "its only group"
                : g.group() == SplitContributions.ALL_GROUPS ? "all " + g.block().cardinality() + " groups"
                : "group k = " + g.group();
        caption.setText(g.status() != null && g.tiles().isEmpty() ? g.status()
                : String.format(Locale.ROOT, "%s of %s, %s: %d channels, %d×%d each%s", g.sourceName(), g.block().name(),
                        groupName, g.total(), g.block().height(), g.block().width(),
                        g.status() == null ? "" : " (" + g.status() + ")"));
        legend.setImage(FxImages.of(ColorBars.raster(vm.session().colormapProperty().get(), ValueRange.of(0, 1), 120, 12,
                false)));
        legend.setSmooth(true);
        for (FeatureMapsViewModel.Tile t : g.tiles()) {
            ImageView view = new ImageView(FxImages.of(t.raster()));
            view.setSmooth(false);
            view.setPreserveRatio(true);
            view.setOnMouseMoved(e -> {
                int x = (int) Math.min(g.block().width() - 1, e.getX() / view.getBoundsInLocal().getWidth() * g.block().width());
                int y = (int) Math.min(g.block().height() - 1,
                        e.getY() / view.getBoundsInLocal().getHeight() * g.block().height());
                vm.readout().show(vm.readout(t, Math.max(0, x), Math.max(0, y)));
            });
            view.setOnMouseExited(e -> vm.readout().clear());
            Label label = new Label("c " + t.channel() + " · " + (g.split() == FeatureMaps.FUSED ? "max a " : "a ")
                    + ColorBars.label(t.weight(), 0.01));
            label.getStyleClass().add("tile-label");
            javafx.scene.layout.StackPane frame = new javafx.scene.layout.StackPane(view);
            frame.getStyleClass().add("frame");
            VBox tile = new VBox(2, frame, label);
            tile.getStyleClass().add("tile");
            tile.setUserData(t);
            if (t.range().span() == 0) {
                // a flat map (usually all zero after the ReLU): dimmed, value in the tooltip
                tile.getStyleClass().add("constant");
                javafx.scene.control.Tooltip.install(tile, new javafx.scene.control.Tooltip(
                        "constant map: every value " + ColorBars.exact(t.range().min())));
            }
            tiles.getChildren().add(tile);
        }
        resize();
    }

    private void resize() {
        int size = vm.tileSizeProperty().get();
        FeatureMapsViewModel.Grid g = vm.gridProperty().get();
        for (Node n : tiles.getChildren()) {
            VBox tile = (VBox) n;
            ImageView view = (ImageView) ((javafx.scene.layout.StackPane) tile.getChildren().get(0)).getChildren().get(0);
            if (g != null && g.block().height() > g.block().width()) {
                view.setFitHeight(size);
                view.setFitWidth(0);
            } else {
                view.setFitWidth(size);
                view.setFitHeight(0);
            }
            tile.setPrefWidth(size);
            tile.setMaxWidth(size);
        }
    }

    @Override
    public String exportName() {
        return "featuremaps";
    }

    @Override
    public Node figure() {
        return figure;
    }

    public FlowPane tiles() {
        return tiles;
    }
}
