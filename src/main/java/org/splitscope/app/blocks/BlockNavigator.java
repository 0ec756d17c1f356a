package org.splitscope.app.blocks;

import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import org.splitscope.app.figure.FxImages;
import org.splitscope.render.ColorBars;

/** Stages and blocks as a tree, each block with a small entropy bar; group and split selectors below. */
public final class BlockNavigator extends VBox {
    private final BlocksViewModel vm;
    private final TreeView<Object> tree = new TreeView<>();
    private boolean updating;

    public BlockNavigator(BlocksViewModel vm) {
        this.vm = vm;
        getStyleClass().add("block-navigator");
        getStylesheets().add(BlockNavigator.class.getResource("blocks.css").toExternalForm());
        Label title = new Label("Blocks");
        title.getStyleClass().add("panel-title");
        Label legend = new Label(BlocksViewModel.legend(vm.stagesProperty().get()));
        legend.getStyleClass().add("legend");
        legend.setWrapText(true);
        legend.setMinHeight(Region.USE_PREF_SIZE); // wrapped, never cut (SK's legend names its paths)

        tree.setShowRoot(false);
        tree.setCellFactory(t -> new BlockCell());
        VBox.setVgrow(tree, Priority.ALWAYS);
        tree.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (!updating && now != null && now.getValue() instanceof BlockInfo b) {
                vm.select(b.name());
            }
        });
        vm.stagesProperty().addListener((obs, old, now) -> {
            rebuild(now);
            legend.setText(BlocksViewModel.legend(now));
        });
        vm.session().blockProperty().addListener((obs, old, now) -> selectInTree(now));
        vm.session().colormapProperty().addListener((obs, old, now) -> tree.refresh());

        GridPane selectors = new GridPane();
        selectors.setHgap(8);
        selectors.setVgap(6);
        ChoiceBox group = new ChoiceBox(vm.groupChoicesProperty(), vm.session().groupProperty());
        ChoiceBox split = new ChoiceBox(vm.splitChoicesProperty(), vm.session().splitProperty());
        group.setMaxWidth(Double.MAX_VALUE);
        split.setMaxWidth(Double.MAX_VALUE);
        GridPane.setHgrow(group, Priority.ALWAYS);
        GridPane.setHgrow(split, Priority.ALWAYS);
        Label groupLabel = new Label("Cardinal group");
        Label splitLabel = new Label();
        splitLabel.textProperty().bind(vm.splitNameProperty());
        // the names keep their width; a long choice (SK's "U_0 (path 0 (3×3))") narrows its box instead
        groupLabel.setMinWidth(Region.USE_PREF_SIZE);
        splitLabel.setMinWidth(Region.USE_PREF_SIZE);
        group.setMinWidth(0);
        split.setMinWidth(0);
        selectors.addRow(0, groupLabel, group);
        selectors.addRow(1, splitLabel, split);
        getChildren().addAll(title, legend, tree, selectors);
        setSpacing(6);
        rebuild(vm.stagesProperty().get());
    }

    private void rebuild(List<StageInfo> stages) {
        updating = true;
        TreeItem<Object> root = new TreeItem<>("model");
        for (StageInfo stage : stages) {
            TreeItem<Object> item = new TreeItem<>(stage);
            item.setExpanded(true);
            for (BlockInfo b : stage.blocks()) {
                item.getChildren().add(new TreeItem<>(b));
            }
            root.getChildren().add(item);
        }
        tree.setRoot(root);
        updating = false;
        selectInTree(vm.session().blockProperty().get());
    }

    private void selectInTree(String name) {
        if (tree.getRoot() == null || name == null) {
            return;
        }
        for (TreeItem<Object> stage : tree.getRoot().getChildren()) {
            for (TreeItem<Object> item : stage.getChildren()) {
                if (item.getValue() instanceof BlockInfo b && b.name().equals(name)) {
                    if (tree.getSelectionModel().getSelectedItem() != item) {
                        updating = true;
                        tree.getSelectionModel().select(item);
                        updating = false;
                        int row = tree.getRow(item);
                        if (row >= 0) {
                            tree.scrollTo(Math.max(0, row - 3));
                        }
                    }
                    return;
                }
            }
        }
    }

    private final class BlockCell extends TreeCell<Object> {
        @Override
        protected void updateItem(Object item, boolean empty) {
            super.updateItem(item, empty);
            setText(null);
            setGraphic(null);
            if (empty || item == null) {
                return;
            }
            if (item instanceof StageInfo stage) {
                Label name = new Label(stage.name());
                name.getStyleClass().add("stage");
                Label count = new Label(stage.blocks().size() + (stage.blocks().size() == 1 ? " block" : " blocks"));
                count.getStyleClass().add("legend");
                HBox box = new HBox(8, name, count);
                box.setAlignment(Pos.CENTER_LEFT);
                setGraphic(box);
            } else if (item instanceof BlockInfo b) {
                Label name = new Label(b.name());
                Label shape = new Label((b.words().sk() ? "M" : "R") + b.radix() + " K" + b.cardinality() + " C" + b.channels());
                shape.getStyleClass().add("legend");
                Region spacer = new Region();
                HBox.setHgrow(spacer, Priority.ALWAYS);
                double h = Double.isNaN(b.entropy()) ? 0 : b.entropy();
                Rectangle track = new Rectangle(44, 8);
                track.getStyleClass().add("entropy-track");
                Rectangle fill = new Rectangle(Math.max(1, 44 * h), 8);
                fill.setFill(FxImages.color(vm.session().colormapProperty().get().argb(h)));
                StackPane bar = new StackPane(track, fill);
                StackPane.setAlignment(fill, Pos.CENTER_LEFT);
                Label value = new Label(Double.isNaN(b.entropy()) ? "–" : ColorBars.label(b.entropy(), 0.01));
                value.getStyleClass().add("entropy-value");
                HBox box = new HBox(6, name, shape, spacer, bar, value);
                box.setAlignment(Pos.CENTER_LEFT);
                javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip(BlocksViewModel.barTooltip(b));
                tip.setWrapText(true);
                tip.setMaxWidth(360);
                javafx.scene.control.Tooltip.install(bar, tip);
                javafx.scene.control.Tooltip.install(value, tip);
                setGraphic(box);
            }
        }
    }
}
