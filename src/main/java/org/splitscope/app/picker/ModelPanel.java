package org.splitscope.app.picker;

import org.splitscope.engine.ArchitectureSummary;
import java.io.File;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.splitscope.bundled.BundledModels;

/** The model card: name, architecture, device; open a checkpoint, a bundled model, or reload with a preset. */
public final class ModelPanel extends VBox {
    private final ModelViewModel vm;
    private final Label name = new Label("No model");
    private final Label notation = new Label();
    private final GridPane rows = new GridPane();
    private final MenuButton bundled = new MenuButton("Bundled", new FontIcon(MaterialDesignC.CUBE_OUTLINE));

    public ModelPanel(ModelViewModel vm) {
        this.vm = vm;
        getStyleClass().add("model-panel");
        getStylesheets().add(ModelPanel.class.getResource("model.css").toExternalForm());

        name.getStyleClass().add("model-name");
        name.setWrapText(true);
        notation.getStyleClass().add("notation");
        notation.setMinWidth(Region.USE_PREF_SIZE);
        Label kind = new Label("Model", new FontIcon(MaterialDesignC.CUBE_SCAN));
        kind.getStyleClass().add("panel-title");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox headerRow = new HBox(8, kind, gap, notation);
        headerRow.setAlignment(Pos.CENTER_LEFT);
        VBox header = new VBox(4, headerRow, name);

        rows.getStyleClass().add("rows");
        rows.setHgap(10);
        rows.setVgap(3);
        // A bounded value column, so long titles and file names wrap instead of being cut.
        javafx.scene.layout.ColumnConstraints labels = new javafx.scene.layout.ColumnConstraints();
        labels.setMinWidth(96);
        javafx.scene.layout.ColumnConstraints values = new javafx.scene.layout.ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        values.setFillWidth(true);
        values.setMaxWidth(230);
        rows.getColumnConstraints().setAll(labels, values);

        Button open = new Button("Open checkpoint…", new FontIcon(MaterialDesignF.FOLDER_OPEN_OUTLINE));
        open.setOnAction(e -> chooseCheckpoint());
        open.setTooltip(new Tooltip("safetensors, PyTorch .pth (zip or legacy), DJL .params — or drop a file on the window"));
        bundled.setTooltip(new Tooltip("The models that ship with SplitScope"));
        vm.bundled().addListener((javafx.collections.ListChangeListener<BundledModels.Entry>) c -> fillBundled());
        fillBundled();
        // wraps onto a second line in a narrow side panel instead of cutting "Open checkpoint…" and "Bundled"
        javafx.scene.layout.FlowPane actions = new javafx.scene.layout.FlowPane(6, 6, open, bundled);
        open.setMinWidth(javafx.scene.control.Control.USE_PREF_SIZE);
        bundled.setMinWidth(javafx.scene.control.Control.USE_PREF_SIZE);

        ComboBox<String> preset = new ComboBox<>();
        preset.getItems().setAll(vm.presetChoices());
        preset.valueProperty().bindBidirectional(vm.presetProperty());
        preset.setMaxWidth(Double.MAX_VALUE);
        preset.setTooltip(new Tooltip("What the weights cannot say: the published variant (eval transform, avd placement)"));
        HBox.setHgrow(preset, Priority.ALWAYS);
        CheckBox avdFirst = new CheckBox("avd first");
        avdFirst.selectedProperty().bindBidirectional(vm.avdFirstProperty());
        avdFirst.setTooltip(new Tooltip("The avd pool before the split-attention conv, as in the \"fast\" models"));
        Button reload = new Button(null, new FontIcon(MaterialDesignR.RELOAD));
        reload.getStyleClass().add("button-icon");
        reload.setTooltip(new Tooltip("Open the checkpoint again with this preset and avd choice"));
        reload.setOnAction(e -> vm.reload());
        Label presetLabel = new Label("Preset");
        presetLabel.setMinWidth(Region.USE_PREF_SIZE);
        avdFirst.setMinWidth(Region.USE_PREF_SIZE);
        HBox presetRow = new HBox(6, presetLabel, preset, reload);
        presetRow.setAlignment(Pos.CENTER_LEFT);
        VBox presetBox = new VBox(4, presetRow, avdFirst);
        presetBox.disableProperty().bind(vm.fileProperty().isNull());

        getChildren().addAll(header, rows, actions, presetBox);
        setSpacing(8);
        vm.summaryProperty().addListener((obs, old, now) -> show(now));
        show(vm.summaryProperty().get());
    }

    private void fillBundled() {
        bundled.getItems().clear();
        for (BundledModels.Entry entry : vm.bundled()) {
            MenuItem item = new MenuItem(entry.title() + (entry.isDefault() ? "  (default)" : ""));
            item.setOnAction(e -> vm.openBundled(entry));
            bundled.getItems().add(item);
        }
        MenuItem pretrained = new MenuItem("Pretrained…");
        pretrained.setOnAction(e -> PretrainedDialog.ask(getScene() == null ? null : getScene().getWindow())
                .ifPresent(vm::openPretrained));
        MenuItem forget = new MenuItem("Forget remembered settings");
        forget.setOnAction(e -> vm.forgetSettings());
        bundled.getItems().addAll(new javafx.scene.control.SeparatorMenuItem(), pretrained, forget);

    }

    public void chooseCheckpoint() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a ResNeSt checkpoint");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Checkpoints", "*.safetensors", "*.pth", "*.pt", "*.ckpt", "*.bin", "*.params"),
                new FileChooser.ExtensionFilter("All files", "*"));
        vm.settings().modelFolder().ifPresent(dir -> chooser.setInitialDirectory(dir.toFile()));
        File file = chooser.showOpenDialog(getScene() == null ? null : getScene().getWindow());
        if (file != null) {
            vm.open(file.toPath());
        }
    }

    private void show(ArchitectureSummary s) {
        rows.getChildren().clear();
        if (s == null) {
            name.setText("No model");
            notation.setText("");
            notation.setVisible(false);
            Label hint = new Label("Open a checkpoint…, pick a bundled model, or drop a file here.");
            hint.setWrapText(true);
            hint.getStyleClass().add("hint");
            rows.add(hint, 0, 0, 2, 1);
            return;
        }
        name.setText(s.name());
        notation.setText(s.notation());
        notation.setVisible(true);
        int i = 0;
        for (ArchitectureSummary.Row row : s.rows()) {
            Label label = new Label(row.label());
            label.getStyleClass().add("row-label");
            Label value = new Label(row.value());
            value.setWrapText(true);
            value.setMinHeight(Region.USE_PREF_SIZE);
            value.getStyleClass().add("row-value");
            rows.addRow(i++, label, value);
        }
    }
}
