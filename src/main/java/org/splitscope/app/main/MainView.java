package org.splitscope.app.main;

import org.splitscope.view.ViewSpec;
import org.splitscope.view.Views;
import java.util.List;
import java.util.Map;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;
import org.kordamp.ikonli.materialdesign2.MaterialDesignV;
import org.splitscope.app.blocks.BlockNavigator;
import org.splitscope.app.compare.CompareView;
import org.splitscope.app.walkthrough.WalkthroughView;
import org.splitscope.app.dataset.DatasetView;
import org.splitscope.app.export.ExportActions;
import org.splitscope.app.figure.Exportable;
import org.splitscope.app.featuremaps.FeatureMapsView;
import org.splitscope.app.figure.FxImages;
import org.splitscope.app.gap.GapView;
import org.splitscope.app.heatmap.HeatmapView;
import org.splitscope.app.images.PredictionsPanel;
import org.splitscope.app.intervene.InterventionsView;
import org.splitscope.app.images.ThumbnailStrip;
import org.splitscope.app.picker.ModelPanel;
import org.splitscope.app.splitbars.SplitBarsView;

/**
 * The window's content: toolbar, sidebar (model, predictions, block navigator), the views as
 * tabs with the thumbnail strip below, and the status bar. Also drops, paste and shortcuts.
 */
public final class MainView extends BorderPane {
    private static final javafx.css.PseudoClass PRESENTER = javafx.css.PseudoClass.getPseudoClass("presenter");
    private final MainViewModel vm;
    private final TabPane tabs = new TabPane();
    private final Map<ViewSpec, Node> views = new java.util.LinkedHashMap<>();
    private final Map<ViewSpec, java.util.function.Supplier<Node>> makers = new java.util.LinkedHashMap<>();
    private final ModelPanel modelPanel;
    private final BlockNavigator navigator;
    private final StatusBar statusBar;
    private final ExportActions export;
    private final FileInput files;

    /** Each tab's icon. */
    private static final Map<ViewSpec, org.kordamp.ikonli.Ikon> ICONS = Map.ofEntries(
            Map.entry(Views.HEATMAPS, MaterialDesignF.FIRE),
            Map.entry(Views.SPLITBARS, MaterialDesignC.CHART_BAR),
            Map.entry(Views.FEATUREMAPS, MaterialDesignV.VIEW_GRID_OUTLINE),
            Map.entry(Views.GAP, MaterialDesignC.CHART_BELL_CURVE),
            Map.entry(Views.DEPTH, MaterialDesignC.CHART_LINE),
            Map.entry(Views.COMPARE, MaterialDesignC.COMPARE_HORIZONTAL),
            Map.entry(Views.VARIANTS, MaterialDesignV.VIEW_COLUMN_OUTLINE),
            Map.entry(Views.INTERVENTIONS, MaterialDesignT.TUNE_VARIANT),
            Map.entry(Views.DATASET, MaterialDesignD.DATABASE_OUTLINE),
            Map.entry(Views.CAM, MaterialDesignT.TARGET),
            Map.entry(Views.WALKTHROUGH, MaterialDesignS.STAIRS));

    public MainView(MainViewModel vm) {
        this.vm = vm;
        getStyleClass().add("main-view");
        getStylesheets().add(MainView.class.getResource("main.css").toExternalForm());
        modelPanel = new ModelPanel(vm.model());
        navigator = new BlockNavigator(vm.blocks());
        statusBar = new StatusBar(vm.session().executor(), vm.session());
        files = new FileInput(vm, this::window, statusBar::show);
        export = new ExportActions(vm.export(), () -> FxImages.color(vm.session().style().background().getRGB()),
                statusBar::show);

        // Each tab's View is made the first time it is shown: a start draws one view, not eleven.
        makers.put(Views.HEATMAPS, () -> new HeatmapView(vm.heatmap()));
        makers.put(Views.SPLITBARS, () -> new SplitBarsView(vm.splitBars()));
        makers.put(Views.FEATUREMAPS, () -> new FeatureMapsView(vm.featureMaps(), vm.blocks()));
        makers.put(Views.GAP, () -> new GapView(vm.gap()));
        makers.put(Views.DEPTH, () -> new org.splitscope.app.depth.DepthView(vm.depth()));
        makers.put(Views.COMPARE, () -> new CompareView(vm.compare()));
        makers.put(Views.VARIANTS, () -> new org.splitscope.app.variants.VariantsView(vm.variants()));
        makers.put(Views.INTERVENTIONS, () -> new InterventionsView(vm.interventions()));
        makers.put(Views.DATASET, () -> new DatasetView(vm.dataset(), this::window));
        makers.put(Views.CAM, () -> new org.splitscope.app.cam.CamView(vm.cam()));
        makers.put(Views.WALKTHROUGH, () -> new WalkthroughView(vm.walkthrough()));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        for (ViewSpec v : Views.tabs()) {
            Tab tab = new Tab(v.title());
            tab.setGraphic(new FontIcon(ICONS.get(v)));
            tab.setUserData(v);
            tabs.getTabs().add(tab);
        }
        // A narrow window keeps the tab names whole: the icons go first.
        Map<Tab, Node> icons = new java.util.HashMap<>();
        tabs.getTabs().forEach(t -> icons.put(t, t.getGraphic()));
        Runnable fitTabs = () -> {
            // presenter mode's larger letters need the room of the icons too
            boolean narrow = tabs.getWidth() < 1300 || vm.session().presenterProperty().get();
            tabs.getTabs().forEach(t -> t.setGraphic(narrow ? null : icons.get(t)));
            tabs.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("narrow"), narrow);
        };
        tabs.widthProperty().addListener((obs, old, now) -> fitTabs.run());
        vm.session().presenterProperty().addListener((obs, old, now) -> fitTabs.run());
        tabs.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            show(now);
            vm.viewProperty().set((ViewSpec) now.getUserData());
        });
        vm.viewProperty().addListener((obs, old, now) -> tabs.getSelectionModel().select(Views.tabs().indexOf(now)));
        tabs.getSelectionModel().select(Views.tabs().indexOf(vm.viewProperty().get()));
        show(tabs.getSelectionModel().getSelectedItem()); // the first tab is selected without a change

        StackPane center = new StackPane(tabs, Placeholder.of(vm, modelPanel::chooseCheckpoint, files));
        BorderPane main = new BorderPane(center);
        javafx.scene.control.Label banner = new javafx.scene.control.Label();
        banner.getStyleClass().add("forced-banner");
        banner.setWrapText(true);
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.textProperty().bind(vm.forcedBanner());
        banner.visibleProperty().bind(vm.forcedBanner().isNotEmpty());
        banner.managedProperty().bind(banner.visibleProperty());
        main.setTop(banner);
        ThumbnailStrip strip = new ThumbnailStrip(vm.images());
        HBox.setHgrow(strip, Priority.ALWAYS);
        PredictionsPanel predictions = new PredictionsPanel(vm.images());
        HBox images = new HBox(strip, new Separator(Orientation.VERTICAL), predictions);
        images.getStyleClass().add("images-bar");
        main.setBottom(images);

        // On a short screen the model card scrolls; the block tree and its selectors keep their room and
        // never lie on each other (at 1280×720 they did).
        javafx.scene.control.ScrollPane card = new javafx.scene.control.ScrollPane(modelPanel);
        card.setFitToWidth(true);
        card.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        card.setMinHeight(140);
        card.getStyleClass().add("edge-to-edge");
        navigator.setMinHeight(260);
        VBox sidebar = new VBox(card, new Separator(), navigator);
        VBox.setVgrow(navigator, Priority.ALWAYS);
        VBox.setVgrow(card, Priority.SOMETIMES);
        sidebar.getStyleClass().add("sidebar");
        sidebar.setMinWidth(330);
        sidebar.setPrefWidth(350);
        SplitPane split = new SplitPane(sidebar, main);
        split.setDividerPositions(0.26);
        SplitPane.setResizableWithParent(sidebar, false);

        Node toolbar = MainToolbar.of(vm, this, export);
        setTop(toolbar);
        setCenter(split);
        setBottom(statusBar);
        Node presenterBar = PresenterBar.of(vm);
        vm.session().presenterProperty().addListener((obs, was, presenting) -> {
            // Presenting: side panel, strip, toolbar and status bar give their room to the figure; big steps below.
            split.getItems().setAll(presenting ? List.of(main) : List.of(sidebar, main));
            if (!presenting) {
                split.setDividerPositions(0.26);
            }
            main.setBottom(presenting ? presenterBar : images);
            setTop(presenting ? null : toolbar);
            setBottom(presenting ? null : statusBar);
            pseudoClassStateChanged(PRESENTER, presenting);
        });

        vm.problemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                ErrorDialog.of(now, window()).show();
                vm.problemProperty().set(null);
            }
        });
        files.installDrops(this);
        installShortcuts();
    }

    Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }

    private void installShortcuts() {
        sceneProperty().addListener((obs, old, scene) -> {
            if (scene == null) {
                return;
            }
            var keys = scene.getAccelerators();
            keys.put(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN), modelPanel::chooseCheckpoint);
            keys.put(new KeyCodeCombination(KeyCode.I, KeyCombination.SHORTCUT_DOWN), files::chooseImages);
            keys.put(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                    files::chooseFolder);
            keys.put(new KeyCodeCombination(KeyCode.V, KeyCombination.SHORTCUT_DOWN), files::paste);
            keys.put(new KeyCodeCombination(KeyCode.PAGE_DOWN), vm.images()::next);
            keys.put(new KeyCodeCombination(KeyCode.PAGE_UP), vm.images()::previous);
            keys.put(new KeyCodeCombination(KeyCode.DOWN, KeyCombination.SHORTCUT_DOWN), () -> vm.blocks().step(1));
            keys.put(new KeyCodeCombination(KeyCode.UP, KeyCombination.SHORTCUT_DOWN), () -> vm.blocks().step(-1));
            keys.put(new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN), vm::toggleTheme);
            keys.put(new KeyCodeCombination(KeyCode.F11), () -> vm.session().presenterProperty().set(
                    !vm.session().presenterProperty().get()));
            keys.put(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN), () -> {
                if (window() != null) {
                    window().hide(); // closes like the window's ✕ (settings are saved on hiding)
                }
            });
            List<ViewSpec> all = Views.tabs();
            for (int i = 0; i < Math.min(9, all.size()); i++) { // Ctrl+1 … 9: the first nine tabs
                ViewSpec v = all.get(i);
                keys.put(new KeyCodeCombination(KeyCode.getKeyCode(Integer.toString(i + 1)), KeyCombination.SHORTCUT_DOWN),
                        () -> vm.viewProperty().set(v));
            }
        });
    }

    /** The view in the selected tab. */
    public Exportable currentView() {
        return (Exportable) view(vm.viewProperty().get());
    }

    /** The tab's View, made now if it has not been shown yet. */
    public Node view(ViewSpec v) {
        return views.computeIfAbsent(v, k -> makers.get(k).get());
    }

    /** Gives the tab its View the first time it is selected. */
    private void show(Tab tab) {
        if (tab != null && tab.getContent() == null) {
            tab.setContent(view((ViewSpec) tab.getUserData()));
        }
    }

    ModelPanel modelPanel() {
        return modelPanel;
    }

    /** Opening files: choosers, paste and drops. */
    public FileInput files() {
        return files;
    }

    public ExportActions export() {
        return export;
    }

    /** The forced-attention banner's text ("" when hidden). */
    public String bannerText() {
        return vm.forcedBanner().get();
    }

    public String statusText() {
        return statusBar.text();
    }


}
