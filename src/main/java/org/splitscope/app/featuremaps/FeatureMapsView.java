package org.splitscope.app.featuremaps;

import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.splitscope.view.featuremaps.FeatureMaps;
import org.splitscope.app.blocks.BlocksViewModel;
import org.splitscope.app.blocks.ChoiceBox;
import org.splitscope.app.figure.FigureView;
import org.splitscope.app.figure.FigureViews;

/** A grid of channel maps, each on its own scale, with a hover readout and zoom. */
public final class FeatureMapsView extends FigureView<FeatureMapsViewModel> {
    public FeatureMapsView(FeatureMapsViewModel vm, BlocksViewModel blocks) {
        super(vm, "feature-maps-view");
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
        for (Region r : new Region[] {mapsOf, sortBy, source, group, order}) {
            r.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox header = FigureViews.header(mapsOf, source, group, sortBy, order, spacer, out, zoom, in);
        header.setSpacing(8);
        setTop(header);

        ScrollPane scroll = new ScrollPane(canvas);
        scroll.setFitToWidth(true);
        canvas.showIn(scroll);
        scroll.addEventFilter(ScrollEvent.SCROLL, e -> {
            if (e.isControlDown() && e.getDeltaY() != 0) {
                vm.zoom(e.getDeltaY() > 0 ? 1 : -1);
                e.consume();
            }
        });
        setCenter(scroll);
        Label readout = new Label();
        readout.getStyleClass().add("readout");
        // A long readout wraps onto a second line: its numbers are never cut with "…".
        readout.setWrapText(true);
        readout.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        readout.setMaxWidth(Double.MAX_VALUE);
        readout.textProperty().bind(vm.readout().textProperty());
        setBottom(readout);

        canvas.setSource(w -> vm.draw(w, vm.session().style()));
        vm.revisionProperty().addListener((obs, old, now) -> canvas.refresh());
        vm.session().styleProperty().addListener((obs, old, now) -> canvas.refresh());
        canvas.setOnHover(t -> vm.readout().show(vm.readout(t)));
        canvas.setOnExit(vm.readout()::clear);
    }
}
