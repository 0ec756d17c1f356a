package org.splitscope.app.intervene;

import java.util.List;
import java.util.Locale;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.splitscope.app.figure.FigureView;
import org.splitscope.app.figure.FigureViews;
import org.splitscope.capture.Intervention;

/**
 * Force the attention of a block (or all) and see what it does to the prediction; every other view
 * then draws the forced attention. Beside it, the knock-out sweep of the image, block by block.
 */
public final class InterventionsView extends FigureView<InterventionsViewModel> {
    private final FlowPane active = new FlowPane(6, 4);
    private final GridPane table = new GridPane();

    public InterventionsView(InterventionsViewModel vm) {
        super(vm, "interventions-view");
        ComboBox<String> block = new ComboBox<>(vm.blocks());
        block.valueProperty().bindBidirectional(vm.blockProperty());
        block.setPrefWidth(110);
        block.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // "layer3.1" whole, never "…", beside a long mode
        ComboBox<InterventionsViewModel.Kind> kind = new ComboBox<>();
        kind.getItems().setAll(InterventionsViewModel.Kind.values());
        kind.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // the mode in whole words at 1280 px
        kind.valueProperty().bindBidirectional(vm.kindProperty());
        kind.setConverter(new StringConverter<>() {
            @Override
            public String toString(InterventionsViewModel.Kind k) {
                return k == null ? "" : vm.label(k);
            }

            @Override
            public InterventionsViewModel.Kind fromString(String s) {
                return null;
            }
        });
        // The labels are worded for the open model (gate, path, split): a new model's block list means new
        // words, and a combo box only asks its converter again when its items or value change.
        vm.blocks().addListener((javafx.collections.ListChangeListener<String>) change -> {
            InterventionsViewModel.Kind chosen = kind.getValue();
            kind.getItems().setAll(InterventionsViewModel.Kind.values());
            kind.setValue(chosen);
        });
        Spinner<Integer> split = new Spinner<>(0, 7, 0);
        split.setPrefWidth(64);
        split.valueProperty().addListener((obs, old, now) -> vm.splitProperty().set(now));
        Spinner<Double> factor = new Spinner<>(0.0, 10.0, 0.0, 0.25);
        factor.setEditable(true);
        factor.setPrefWidth(80);
        factor.valueProperty().addListener((obs, old, now) -> vm.factorProperty().set(now));
        Label splitLabel = new Label("r");
        Label factorLabel = new Label("×");
        Runnable modeControls = () -> {
            boolean needsSplit = vm.kindProperty().get() != InterventionsViewModel.Kind.UNIFORM;
            for (var n : List.of(split, splitLabel)) {
                n.setVisible(needsSplit);
                n.setManaged(needsSplit);
            }
            boolean scale = vm.kindProperty().get() == InterventionsViewModel.Kind.SCALE;
            for (var n : List.of(factor, factorLabel)) {
                n.setVisible(scale);
                n.setManaged(scale);
            }
            int radix = vm.radix();
            ((javafx.scene.control.SpinnerValueFactory.IntegerSpinnerValueFactory) split.getValueFactory())
                    .setMax(Math.max(0, radix - 1));
        };
        vm.kindProperty().addListener((obs, old, now) -> modeControls.run());
        vm.blockProperty().addListener((obs, old, now) -> modeControls.run());
        modeControls.run();

        Button apply = new Button("Apply", new FontIcon(MaterialDesignC.CHECK));
        apply.getStyleClass().add("accent");
        apply.setOnAction(e -> vm.apply());
        Button clear = new Button("Clear all");
        clear.setOnAction(e -> vm.clear());
        clear.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> vm.interventionsProperty().get().isEmpty(), vm.interventionsProperty()));
        Label title = new Label("Force attention");
        title.getStyleClass().add("view-title");
        Button sweep = new Button("Run sweep", new FontIcon(MaterialDesignC.CHART_BAR));
        sweep.setTooltip(new javafx.scene.control.Tooltip("Knock out one block at a time with this mode on the image"));
        sweep.setOnAction(e -> vm.runSweep());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        setTop(FigureViews.header(title, new Label("Block"), block, kind, splitLabel, split, factorLabel, factor, apply,
                clear, spacer, sweep));
        Label summary = new Label();
        summary.setWrapText(true);
        summary.getStyleClass().add("caption");
        summary.textProperty().bind(vm.summaryProperty());
        table.setHgap(10);
        table.setVgap(2);
        Label activeTitle = new Label("Active (every view draws the forced attention)");
        activeTitle.getStyleClass().add("caption");
        VBox side = new VBox(8, activeTitle, active, summary, table);
        side.setPrefWidth(380);
        side.setMinWidth(320);
        side.setStyle("-fx-padding: 8 12 8 12;");
        setLeft(side);

        FigureViews.body(this, canvas, vm, vm::draw);
        vm.interventionsProperty().addListener((obs, old, now) -> showActive(now));
        vm.rowsProperty().addListener((obs, old, now) -> showRows(now));
        showActive(vm.interventionsProperty().get());
        showRows(vm.rowsProperty().get());
    }

    private void showActive(List<Intervention> list) {
        active.getChildren().setAll(list.stream().map(i -> {
            Button chip = new Button(i.text(), new FontIcon(MaterialDesignC.CLOSE));
            chip.getStyleClass().addAll("small", "intervention-chip");
            chip.setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
            chip.setOnAction(e -> vm.remove(i));
            return chip;
        }).toList());
    }

    private void showRows(List<InterventionsViewModel.Row> rows) {
        table.getChildren().clear();
        if (rows.isEmpty()) {
            return;
        }
        String[] head = {"class", "before", "after", "Δ logit"};
        for (int c = 0; c < head.length; c++) {
            Label h = new Label(head[c]);
            h.getStyleClass().add("caption");
            table.add(h, c, 0);
        }
        int r = 1;
        for (InterventionsViewModel.Row row : rows) {
            Label name = new Label(row.label() + (row.rankBefore() < 0 ? " (new)" : ""));
            name.setMaxWidth(130);
            table.add(name, 0, r);
            table.add(new Label(String.format(Locale.ROOT, "%.1f %%", 100 * row.before())), 1, r);
            table.add(new Label(String.format(Locale.ROOT, "%.1f %%", 100 * row.after())), 2, r);
            table.add(new Label(String.format(Locale.ROOT, "%+.3f", row.deltaLogit())), 3, r);
            r++;
        }
    }
}
