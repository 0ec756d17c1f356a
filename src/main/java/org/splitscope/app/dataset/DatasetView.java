package org.splitscope.app.dataset;

import java.io.File;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.splitscope.app.figure.FigureView;
import org.splitscope.app.figure.FigureViews;
import org.splitscope.view.dataset.DatasetFigure;
import org.splitscope.view.dataset.PaperFigures;

/**
 * Statistics over a labelled folder: run an analysis or open saved results, then choose the block,
 * the map's metric, the split the channel profiles follow and the groups to compare.
 */
public final class DatasetView extends FigureView<DatasetViewModel> {
    private static final String STATISTICS = "statistics";

    public DatasetView(DatasetViewModel vm, Supplier<Window> owner) {
        super(vm, "dataset-view");
        Button analyze = new Button("Analyze folder…", new FontIcon(MaterialDesignF.FOLDER_SEARCH_OUTLINE));
        analyze.setOnAction(e -> choose("Analyze a folder of labelled images (one sub-folder per group)", owner)
                .ifPresent(f -> vm.analyze(f.toPath())));
        Button open = new Button("Open results…", new FontIcon(MaterialDesignF.FOLDER_OPEN_OUTLINE));
        open.setOnAction(e -> choose("Open analyze results (a folder with stats.json)", owner)
                .ifPresent(f -> vm.open(f.toPath())));
        Button stop = new Button("Stop", new FontIcon(MaterialDesignS.STOP));
        stop.setOnAction(e -> vm.stop());
        Button resume = new Button("Resume", new FontIcon(MaterialDesignP.PLAY));
        resume.setOnAction(e -> vm.resume());
        analyze.disableProperty().bind(vm.analyzingProperty());
        open.disableProperty().bind(vm.analyzingProperty());
        stop.visibleProperty().bind(vm.analyzingProperty());
        stop.managedProperty().bind(stop.visibleProperty());
        resume.visibleProperty().bind(Bindings.createBooleanBinding(() -> !vm.analyzingProperty().get()
                && vm.canResume(), vm.analyzingProperty(), vm.messageProperty()));
        resume.managedProperty().bind(resume.visibleProperty());
        Label title = new Label();
        title.getStyleClass().add("view-title");
        title.textProperty().bind(Bindings.createStringBinding(() -> vm.runProperty().get() == null ? "Statistics over a labelled folder"
                : "Dataset · " + vm.folderProperty().get().getFileName(), vm.runProperty(), vm.folderProperty()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox first = FigureViews.header(title, spacer, analyze, open, stop, resume);

        ComboBox<String> block = new ComboBox<>(vm.blocks());
        block.valueProperty().bindBidirectional(vm.blockProperty());
        ComboBox<DatasetFigure.Metric> metric = new ComboBox<>();
        metric.getItems().setAll(DatasetFigure.Metric.values());
        metric.valueProperty().bindBidirectional(vm.metricProperty());
        metric.setConverter(new StringConverter<>() {
            @Override
            public String toString(DatasetFigure.Metric m) {
                return m == null ? "" : m.id;
            }

            @Override
            public DatasetFigure.Metric fromString(String s) {
                return DatasetFigure.Metric.parse(s);
            }
        });
        ComboBox<Integer> split = new ComboBox<>();
        Label splitLabel = new Label("Profile split r");
        Label metricLabel = new Label("Map");
        for (javafx.scene.Node n : List.of(splitLabel, split, metricLabel, metric)) {
            n.managedProperty().bind(n.visibleProperty());
        }
        vm.runProperty().addListener((obs, old, now) -> {
            splitLabel.setText(now != null && now.stats().blocks().get(0).words().sk() ? "Profile path m"
                    : "Profile split r");
            // a sigmoid gate (SE, ECA, R = 1) has one row: no split or path to follow, and its map is the mean
            // gate (entropy, dominance and preference are not defined), so neither choice is offered
            boolean gate = now != null && now.stats().blocks().get(0).words().gate();
            for (javafx.scene.Node n : List.of(splitLabel, split, metricLabel, metric)) {
                n.setVisible(!gate);
            }
            int radix = now == null ? 1 : now.stats().blocks().get(0).radix();
            split.getItems().setAll(IntStream.range(0, radix).boxed().toList());
            split.setValue(vm.splitProperty().get());
            split.setDisable(radix <= 1 || vm.profileProperty().get() != null);
        });
        vm.profileProperty().addListener((obs, old, now) -> split.setDisable(now != null || split.getItems().size() <= 1));
        split.valueProperty().addListener((obs, old, now) -> {
            if (now != null) {
                vm.splitProperty().set(now);
            }
        });
        MenuButton groups = new MenuButton("Groups");
        Runnable fillGroups = () -> {
            groups.getItems().setAll(vm.groups().stream().map(g -> {
                CheckMenuItem item = new CheckMenuItem(g);
                item.setSelected(vm.chosenGroups().contains(g));
                item.selectedProperty().addListener((obs, was, now) -> {
                    if (now && !vm.chosenGroups().contains(g)) {
                        vm.chosenGroups().add(g);
                    } else if (!now) {
                        vm.chosenGroups().remove(g);
                    }
                });
                return item;
            }).toList());
            groups.setText("Groups (" + vm.chosenGroups().size() + " of " + vm.groups().size() + ")");
        };
        vm.groups().addListener((ListChangeListener<String>) c -> fillGroups.run());
        vm.chosenGroups().addListener((ListChangeListener<String>) c -> {
            groups.setText("Groups (" + vm.chosenGroups().size() + " of " + vm.groups().size() + ")");
            groups.getItems().forEach(i -> ((CheckMenuItem) i).setSelected(vm.chosenGroups().contains(i.getText())));
        });
        fillGroups.run();
        // the papers' figures, as figure --view dataset --profile draws them, instead of the statistics
        // (short names: at 1280 px the longest one sets the row's width and squeezes the block and map choices)
        ComboBox<String> figure = new ComboBox<>();
        figure.getItems().add(STATISTICS);
        for (PaperFigures.Profile p : PaperFigures.Profile.values()) {
            figure.getItems().add(p.id);
        }
        figure.setValue(STATISTICS);
        figure.setConverter(new StringConverter<>() {
            @Override
            public String toString(String id) {
                return id == null ? "" : switch (id) {
                    case "senet" -> "SENet gates";
                    case "senet-std" -> "SENet ± std";
                    case "sknet" -> "SKNet scales";
                    default -> "Statistics";
                };
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        figure.valueProperty().addListener((obs, old, now) -> vm.profileProperty().set(
                now == null || now.equals(STATISTICS) ? null : PaperFigures.Profile.parse(now)));
        HBox second = FigureViews.header(new Label("Figure"), figure, new Label("Block"), block, metricLabel, metric,
                splitLabel, split, groups);
        for (var control : List.of(block, split)) {
            control.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // "layer3.1" and "0" whole at 1280 px
        }
        for (var control : List.of(figure, groups)) {
            control.disableProperty().bind(vm.runProperty().isNull());
        }
        // block, map and split choose parts of the statistics figure; a paper's figure has its own blocks
        for (var control : List.of(block, metric)) {
            control.disableProperty().bind(vm.runProperty().isNull().or(vm.profileProperty().isNotNull()));
        }
        Label message = new Label();
        message.getStyleClass().add("readout");
        message.textProperty().bind(Bindings.createStringBinding(() -> vm.originProperty().get().isEmpty()
                ? vm.messageProperty().get() : vm.originProperty().get() + " · " + vm.messageProperty().get(),
                vm.originProperty(), vm.messageProperty()));
        message.setWrapText(true);
        // its counts and times wrap onto a second line, never cut with "…" (as every readout)
        message.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        Label notice = new Label();
        notice.getStyleClass().add("notice");
        notice.setWrapText(true);
        notice.textProperty().bind(vm.noticeProperty());
        notice.visibleProperty().bind(vm.noticeProperty().isNotEmpty());
        notice.managedProperty().bind(notice.visibleProperty());
        setTop(new VBox(first, second, message, notice));

        FigureViews.body(this, canvas, vm, vm::draw);
    }

    private static java.util.Optional<File> choose(String title, Supplier<Window> owner) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(title);
        return java.util.Optional.ofNullable(chooser.showDialog(owner.get()));
    }
}
