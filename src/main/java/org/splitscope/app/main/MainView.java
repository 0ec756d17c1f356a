package org.splitscope.app.main;

import java.io.File;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignV;
import org.kordamp.ikonli.materialdesign2.MaterialDesignW;
import org.splitscope.app.blocks.BlockNavigator;
import org.splitscope.app.export.ExportActions;
import org.splitscope.app.export.ExportViewModel;
import org.splitscope.app.export.Exportable;
import org.splitscope.app.featuremaps.FeatureMapsView;
import org.splitscope.app.gap.GapView;
import org.splitscope.app.heatmap.HeatmapView;
import org.splitscope.app.images.PredictionsPanel;
import org.splitscope.app.images.ThumbnailStrip;
import org.splitscope.app.model.ModelPanel;
import org.splitscope.app.plot.FxImages;
import org.splitscope.app.plot.PlotStyle;
import org.splitscope.app.splitbars.SplitBarsView;
import org.splitscope.models.BundledModels;
import org.splitscope.render.ColorBars;
import org.splitscope.render.Colormap;
import org.splitscope.render.ValueRange;

/**
 * The window's content: toolbar, sidebar (model, predictions, block navigator), the four views as
 * tabs with the thumbnail strip below, and the status bar. Also drops, paste and shortcuts.
 */
public final class MainView extends BorderPane {
    private final MainViewModel vm;
    private final TabPane tabs = new TabPane();
    private final Map<MainViewModel.View, Node> views = new EnumMap<>(MainViewModel.View.class);
    private final ModelPanel modelPanel;
    private final BlockNavigator navigator;
    private final StatusBar statusBar;
    private final ExportActions export;

    public MainView(MainViewModel vm) {
        this.vm = vm;
        getStyleClass().add("main-view");
        getStylesheets().add(MainView.class.getResource("main.css").toExternalForm());
        modelPanel = new ModelPanel(vm.model());
        navigator = new BlockNavigator(vm.blocks());
        statusBar = new StatusBar(vm.session().executor(), vm.session());
        export = new ExportActions(vm.export(), () -> PlotStyle.of(vm.session().darkProperty().get()).background(),
                statusBar::show);

        views.put(MainViewModel.View.HEATMAPS, new HeatmapView(vm.heatmap()));
        views.put(MainViewModel.View.SPLIT_BARS, new SplitBarsView(vm.splitBars()));
        views.put(MainViewModel.View.FEATURE_MAPS, new FeatureMapsView(vm.featureMaps(), vm.blocks()));
        views.put(MainViewModel.View.GAP, new GapView(vm.gap()));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        for (MainViewModel.View v : MainViewModel.View.values()) {
            Tab tab = new Tab(v.title, views.get(v));
            tab.setGraphic(new FontIcon(switch (v) {
                case HEATMAPS -> MaterialDesignF.FIRE;
                case SPLIT_BARS -> MaterialDesignC.CHART_BAR;
                case FEATURE_MAPS -> MaterialDesignV.VIEW_GRID_OUTLINE;
                case GAP -> MaterialDesignC.CHART_BELL_CURVE;
            }));
            tab.setUserData(v);
            tabs.getTabs().add(tab);
        }
        tabs.getSelectionModel().selectedItemProperty().addListener((obs, old, now) ->
                vm.viewProperty().set((MainViewModel.View) now.getUserData()));
        vm.viewProperty().addListener((obs, old, now) -> tabs.getSelectionModel().select(now.ordinal()));
        tabs.getSelectionModel().select(vm.viewProperty().get().ordinal());

        StackPane center = new StackPane(tabs, placeholder());
        BorderPane main = new BorderPane(center);
        ThumbnailStrip strip = new ThumbnailStrip(vm.images());
        HBox.setHgrow(strip, Priority.ALWAYS);
        PredictionsPanel predictions = new PredictionsPanel(vm.images());
        HBox images = new HBox(strip, new Separator(Orientation.VERTICAL), predictions);
        images.getStyleClass().add("images-bar");
        main.setBottom(images);

        VBox sidebar = new VBox(modelPanel, new Separator(), navigator);
        VBox.setVgrow(navigator, Priority.ALWAYS);
        sidebar.getStyleClass().add("sidebar");
        sidebar.setMinWidth(330);
        sidebar.setPrefWidth(350);
        SplitPane split = new SplitPane(sidebar, main);
        split.setDividerPositions(0.26);
        SplitPane.setResizableWithParent(sidebar, false);

        setTop(toolbar());
        setCenter(split);
        setBottom(statusBar);

        vm.problemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                ErrorDialog.of(now, window()).show();
                vm.problemProperty().set(null);
            }
        });
        installDrops();
        installShortcuts();
    }

    private Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }

    private ToolBar toolbar() {
        Button openModel = button("Checkpoint", MaterialDesignF.FILE_CHART_OUTLINE, "Open a checkpoint (Ctrl+O)",
                modelPanel::chooseCheckpoint);
        Button openImages = button("Images", MaterialDesignI.IMAGE_MULTIPLE_OUTLINE, "Open image files (Ctrl+I)",
                this::chooseImages);
        Button openFolder = button("Folder", MaterialDesignF.FOLDER_IMAGE, "Open a folder of images (Ctrl+Shift+O)",
                this::chooseFolder);
        Button paste = button(null, MaterialDesignC.CONTENT_PASTE, "Paste an image or files (Ctrl+V)", this::paste);
        Button previous = button(null, MaterialDesignC.CHEVRON_LEFT, "Previous image (Page Up)", vm.images()::previous);
        Button next = button(null, MaterialDesignC.CHEVRON_RIGHT, "Next image (Page Down)", vm.images()::next);

        ComboBox<Colormap> colormap = new ComboBox<>();
        colormap.getItems().setAll(Colormap.values());
        colormap.valueProperty().bindBidirectional(vm.session().colormapProperty());
        colormap.setCellFactory(list -> new ColormapCell());
        colormap.setButtonCell(new ColormapCell());
        colormap.setTooltip(new Tooltip("Colormap of every view"));

        MenuButton exportMenu = new MenuButton("Export", new FontIcon(MaterialDesignE.EXPORT_VARIANT));
        MenuItem saveView = new MenuItem("Save view as PNG…", new FontIcon(MaterialDesignC.CONTENT_SAVE_OUTLINE));
        saveView.setAccelerator(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN));
        saveView.setOnAction(e -> export.saveView(currentView(), window()));
        MenuItem saveWindow = new MenuItem("Save window as PNG…", new FontIcon(MaterialDesignC.CONTENT_SAVE_ALL_OUTLINE));
        saveWindow.setAccelerator(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        saveWindow.setOnAction(e -> export.saveWindow(getScene().getRoot(), window()));
        MenuItem copy = new MenuItem("Copy view", new FontIcon(MaterialDesignC.CONTENT_COPY));
        copy.setAccelerator(new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        copy.setOnAction(e -> export.copy(currentView()));
        exportMenu.getItems().addAll(saveView, saveWindow, copy, new SeparatorMenuItem());
        ToggleGroup scales = new ToggleGroup();
        for (int s : ExportViewModel.SCALES) {
            RadioMenuItem item = new RadioMenuItem("Scale " + s + "×");
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

        Label brand = new Label("SplitScope");
        brand.getStyleClass().add("brand");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        return new ToolBar(brand, new Separator(Orientation.VERTICAL), openModel, openImages, openFolder, paste,
                new Separator(Orientation.VERTICAL), previous, next, spacer, new Label("Colormap"), colormap,
                exportMenu, theme);
    }

    private static Button button(String text, org.kordamp.ikonli.Ikon icon, String tip, Runnable action) {
        Button b = new Button(text, new FontIcon(icon));
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        if (text == null) {
            b.getStyleClass().add("button-icon");
        }
        return b;
    }

    /** What the centre shows before there is something to draw. */
    private Node placeholder() {
        Label icon = new Label();
        icon.getStyleClass().add("placeholder-icon");
        Label title = new Label();
        title.getStyleClass().add("placeholder-title");
        Label text = new Label();
        text.setWrapText(true);
        text.getStyleClass().add("placeholder-text");
        Button primary = new Button();
        primary.getStyleClass().add("accent");
        Button secondary = new Button();
        HBox buttons = new HBox(10, primary, secondary);
        buttons.setAlignment(Pos.CENTER);
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(48, 48);
        VBox box = new VBox(14, icon, title, text, buttons, busy);
        box.setAlignment(Pos.CENTER);
        box.setMaxSize(560, 360);
        box.getStyleClass().add("placeholder");
        StackPane pane = new StackPane(box);
        pane.getStyleClass().add("placeholder-pane");
        Runnable update = () -> {
            MainViewModel.State s = vm.stateProperty().get();
            pane.setVisible(s != MainViewModel.State.READY);
            busy.setVisible(s == MainViewModel.State.CAPTURING || s == MainViewModel.State.OPENING);
            busy.setManaged(busy.isVisible());
            switch (s) {
                case OPENING -> {
                    icon.setGraphic(new FontIcon(MaterialDesignF.FILE_CHART_OUTLINE));
                    title.setText("Opening " + vm.model().openingProperty().get() + "…");
                    text.setText("Reading the weights and building the network. The figures return once the new model "
                            + "has run on the image.");
                    primary.setVisible(false);
                    secondary.setVisible(false);
                    return;
                }
                case NO_MODEL -> {
                    icon.setGraphic(new FontIcon(MaterialDesignF.FILE_CHART_OUTLINE));
                    title.setText("No model open");
                    text.setText("Open a checkpoint… (safetensors, PyTorch .pth, DJL .params) or drop one on the window."
                            + (vm.model().bundled().isEmpty() ? "" : " Or start with a bundled model."));
                    primary.setText("Open a checkpoint…");
                    primary.setOnAction(e -> modelPanel.chooseCheckpoint());
                    BundledModels.Entry first = vm.model().bundled().stream().filter(BundledModels.Entry::isDefault)
                            .findFirst().orElse(vm.model().bundled().isEmpty() ? null : vm.model().bundled().get(0));
                    secondary.setVisible(first != null);
                    secondary.setText(first == null ? "" : "Open " + first.title());
                    secondary.setOnAction(e -> vm.model().openBundled(first));
                }
                case NO_IMAGE -> {
                    icon.setGraphic(new FontIcon(MaterialDesignI.IMAGE_OUTLINE));
                    title.setText("No image");
                    text.setText("Open images or a folder, paste one (Ctrl+V), or drop files on the window.");
                    primary.setText("Open images…");
                    primary.setOnAction(e -> chooseImages());
                    secondary.setVisible(true);
                    secondary.setText("Open a folder…");
                    secondary.setOnAction(e -> chooseFolder());
                }
                case NO_ATTENTION -> {
                    icon.setGraphic(new FontIcon(MaterialDesignI.INFORMATION_OUTLINE));
                    title.setText("No split-attention blocks");
                    text.setText("This model has radix 0 (a ResNeXt-D baseline): there is no attention to show, only "
                            + "its predictions (bottom right). Open a model with radix 1 or more.");
                    primary.setText("Open a checkpoint…");
                    primary.setOnAction(e -> modelPanel.chooseCheckpoint());
                    secondary.setVisible(false);
                }
                case STOPPED -> {
                    icon.setGraphic(new FontIcon(MaterialDesignI.INFORMATION_OUTLINE));
                    title.setText("The network has not run on this image");
                    text.setText("The capture was cancelled or failed. Run it again, or choose another image.");
                    primary.setText("Run again");
                    primary.setOnAction(e -> vm.session().recapture());
                    secondary.setVisible(false);
                }
                case CAPTURING -> {
                    icon.setGraphic(null);
                    title.setText("Running the network…");
                    text.setText("Capturing every split-attention block for this image.");
                    primary.setVisible(false);
                    secondary.setVisible(false);
                    return;
                }
                case READY -> {
                    return;
                }
            }
            primary.setVisible(true);
        };
        vm.stateProperty().addListener((obs, old, now) -> update.run());
        vm.model().openingProperty().addListener((obs, old, now) -> update.run());
        vm.model().bundled().addListener((javafx.collections.ListChangeListener<BundledModels.Entry>) c -> update.run());
        update.run();
        return pane;
    }

    private void chooseImages() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open images");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Images", "*.png", "*.jpg", "*.jpeg", "*.bmp", "*.gif", "*.tif", "*.tiff",
                        "*.webp"),
                new FileChooser.ExtensionFilter("All files", "*"));
        vm.settings().imageFolder().ifPresent(dir -> chooser.setInitialDirectory(dir.toFile()));
        List<File> files = chooser.showOpenMultipleDialog(window());
        if (files != null && !files.isEmpty()) {
            vm.images().add(files.stream().map(File::toPath).toList());
        }
    }

    private void chooseFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Open a folder of images");
        vm.settings().imageFolder().ifPresent(dir -> chooser.setInitialDirectory(dir.toFile()));
        File dir = chooser.showDialog(window());
        if (dir != null) {
            vm.images().add(List.of(dir.toPath()));
        }
    }

    /** Files from the clipboard open like dropped ones; an image becomes a new entry of the strip. */
    public void paste() {
        Clipboard clipboard = Clipboard.getSystemClipboard();
        if (clipboard.hasFiles()) {
            vm.open(clipboard.getFiles().stream().map(File::toPath).toList());
        } else if (clipboard.hasImage()) {
            vm.images().addPixels(null, SwingFXUtils.fromFXImage(clipboard.getImage(), null));
        } else if (clipboard.hasString() && !clipboard.getString().isBlank()) {
            try {
                Path p = Path.of(clipboard.getString().strip());
                vm.open(List.of(p));
            } catch (java.nio.file.InvalidPathException e) {
                statusBar.show("The clipboard holds no image or file");
            }
        } else {
            statusBar.show("The clipboard holds no image or file");
        }
    }

    private void installDrops() {
        setOnDragOver(e -> {
            if (e.getDragboard().hasFiles() || e.getDragboard().hasImage()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        setOnDragDropped(e -> {
            boolean done = false;
            if (e.getDragboard().hasFiles()) {
                vm.open(e.getDragboard().getFiles().stream().map(File::toPath).toList());
                done = true;
            } else if (e.getDragboard().hasImage()) {
                vm.images().addPixels(null, SwingFXUtils.fromFXImage(e.getDragboard().getImage(), null));
                done = true;
            }
            e.setDropCompleted(done);
            e.consume();
        });
    }

    private void installShortcuts() {
        sceneProperty().addListener((obs, old, scene) -> {
            if (scene == null) {
                return;
            }
            var keys = scene.getAccelerators();
            keys.put(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN), modelPanel::chooseCheckpoint);
            keys.put(new KeyCodeCombination(KeyCode.I, KeyCombination.SHORTCUT_DOWN), this::chooseImages);
            keys.put(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                    this::chooseFolder);
            keys.put(new KeyCodeCombination(KeyCode.V, KeyCombination.SHORTCUT_DOWN), this::paste);
            keys.put(new KeyCodeCombination(KeyCode.PAGE_DOWN), vm.images()::next);
            keys.put(new KeyCodeCombination(KeyCode.PAGE_UP), vm.images()::previous);
            keys.put(new KeyCodeCombination(KeyCode.DOWN, KeyCombination.SHORTCUT_DOWN), () -> vm.blocks().step(1));
            keys.put(new KeyCodeCombination(KeyCode.UP, KeyCombination.SHORTCUT_DOWN), () -> vm.blocks().step(-1));
            keys.put(new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN), vm::toggleTheme);
            keys.put(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN), () -> {
                if (window() != null) {
                    window().hide(); // closes like the window's ✕ (settings are saved on hiding)
                }
            });
            MainViewModel.View[] all = MainViewModel.View.values();
            for (int i = 0; i < all.length; i++) {
                MainViewModel.View v = all[i];
                keys.put(new KeyCodeCombination(KeyCode.getKeyCode(Integer.toString(i + 1)), KeyCombination.SHORTCUT_DOWN),
                        () -> vm.viewProperty().set(v));
            }
        });
    }

    /** The view in the selected tab. */
    public Exportable currentView() {
        return (Exportable) views.get(vm.viewProperty().get());
    }

    public Node view(MainViewModel.View v) {
        return views.get(v);
    }

    public ExportActions export() {
        return export;
    }

    public TabPane tabs() {
        return tabs;
    }

    public BlockNavigator navigator() {
        return navigator;
    }

    public String statusText() {
        return statusBar.text();
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
