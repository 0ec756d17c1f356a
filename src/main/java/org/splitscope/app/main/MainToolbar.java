package org.splitscope.app.main;

import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignW;
import org.splitscope.app.export.ExportActions;
import org.splitscope.app.export.ExportViewModel;
import org.splitscope.app.figure.FxImages;
import org.splitscope.render.ColorBars;
import org.splitscope.render.Colormap;
import org.splitscope.render.ValueRange;

/** The window's toolbar: open, step, colormap, export and theme. */
final class MainToolbar {
    private MainToolbar() {}

    static ToolBar of(MainViewModel vm, MainView view, ExportActions export) {
        Button openModel = button("Checkpoint", MaterialDesignF.FILE_CHART_OUTLINE, "Open a checkpoint (Ctrl+O)",
                view.modelPanel()::chooseCheckpoint);
        Button openImages = button("Images", MaterialDesignI.IMAGE_MULTIPLE_OUTLINE, "Open image files (Ctrl+I)",
                view.files()::chooseImages);
        Button openFolder = button("Folder", MaterialDesignF.FOLDER_IMAGE, "Open a folder of images (Ctrl+Shift+O)",
                view.files()::chooseFolder);
        Button paste = button(null, MaterialDesignC.CONTENT_PASTE, "Paste an image or files (Ctrl+V)", view.files()::paste);
        Button previous = button(null, MaterialDesignC.CHEVRON_LEFT, "Previous image (Page Up)", vm.images()::previous);
        Button next = button(null, MaterialDesignC.CHEVRON_RIGHT, "Next image (Page Down)", vm.images()::next);

        ComboBox<Colormap> colormap = new ComboBox<>();
        colormap.getItems().setAll(Colormap.values());
        colormap.valueProperty().bindBidirectional(vm.session().colormapProperty());
        colormap.setCellFactory(list -> new ColormapCell());
        colormap.setButtonCell(new ColormapCell());
        colormap.setTooltip(new Tooltip("Colormap of every view"));

        MenuButton exportMenu = new MenuButton("Export", new FontIcon(MaterialDesignE.EXPORT_VARIANT));
        MenuItem saveView = new MenuItem("Save view as… (PNG, SVG, PDF)", new FontIcon(MaterialDesignC.CONTENT_SAVE_OUTLINE));
        saveView.setAccelerator(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN));
        saveView.setOnAction(e -> export.saveView(view.currentView(), view.window()));
        MenuItem saveWindow = new MenuItem("Save window as PNG…", new FontIcon(MaterialDesignC.CONTENT_SAVE_ALL_OUTLINE));
        saveWindow.setAccelerator(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        saveWindow.setOnAction(e -> export.saveWindow(view.getScene().getRoot(), view.window()));
        MenuItem copy = new MenuItem("Copy view", new FontIcon(MaterialDesignC.CONTENT_COPY));
        copy.setAccelerator(new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        copy.setOnAction(e -> export.copy(view.currentView()));
        MenuItem data = new MenuItem("Export data… (CSV, JSON)", new FontIcon(MaterialDesignT.TABLE_ARROW_RIGHT));
        data.setAccelerator(new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN));
        data.setOnAction(e -> export.exportData(view.currentView(), view.window()));
        exportMenu.getItems().addAll(saveView, data, copy, saveWindow, new SeparatorMenuItem());
        ToggleGroup scales = new ToggleGroup();
        for (int s : ExportViewModel.SCALES) {
            RadioMenuItem item = new RadioMenuItem("Copy and window at " + s + "×");
            item.setToggleGroup(scales);
            item.setSelected(vm.export().scaleProperty().get() == s);
            item.setOnAction(e -> vm.export().scaleProperty().set(s));
            exportMenu.getItems().add(item);
        }
        exportMenu.disableProperty().bind(vm.stateProperty().isNotEqualTo(MainViewModel.State.READY));

        ToggleButton theme = new ToggleButton();
        theme.selectedProperty().bindBidirectional(vm.session().darkProperty());
        theme.graphicProperty().bind(javafx.beans.binding.Bindings.when(theme.selectedProperty())
                .then((Node) new FontIcon(MaterialDesignW.WEATHER_SUNNY))
                .otherwise((Node) new FontIcon(MaterialDesignW.WEATHER_NIGHT)));
        theme.setTooltip(new Tooltip("Light or dark theme"));
        theme.getStyleClass().add("button-icon");

        ToggleButton presenter = new ToggleButton(null, new FontIcon(MaterialDesignP.PRESENTATION_PLAY));
        presenter.selectedProperty().bindBidirectional(vm.session().presenterProperty());
        presenter.setTooltip(new Tooltip("Presenter mode (F11): full screen, large high-contrast figures"));
        presenter.getStyleClass().add("button-icon");

        Label brand = new Label("SplitScope");
        brand.getStyleClass().add("brand");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        return new ToolBar(brand, new Separator(Orientation.VERTICAL), openModel, openImages, openFolder, paste,
                new Separator(Orientation.VERTICAL), previous, next, spacer, new Label("Colormap"), colormap,
                exportMenu, presenter, theme);
    }

    static Button button(String text, org.kordamp.ikonli.Ikon icon, String tip, Runnable action) {
        Button b = new Button(text, new FontIcon(icon));
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        if (text == null) {
            b.getStyleClass().add("button-icon");
        }
        return b;
    }

    /** A colormap as its gradient and name. */
    private static final class ColormapCell extends ListCell<Colormap> {
        @Override
        protected void updateItem(Colormap item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            // drawn at its displayed size: a 1-pixel-high image stretched by the view comes out ragged
            ImageView swatch = new ImageView(FxImages.of(ColorBars.raster(item, ValueRange.of(0, 1), 48, 12, false)));
            setGraphic(swatch);
            setText(item.displayName() + (item.diverging() ? " (diverging)" : ""));
        }
    }
}
