package org.splitscope.app.export;

import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import org.splitscope.figure.FigureFormat;
import org.splitscope.figure.FigureSize;
import org.splitscope.figure.FigureStyle;

/**
 * The settings of Save view as…: format, width (in, cm or px), dpi, theme and caption, checked as
 * they are typed; what the file will be is said below them.
 */
final class ExportDialog {
    private ExportDialog() {}

    /** @return whether the user went on (the settings are then stored in {@code vm}) */
    static boolean ask(ExportViewModel vm, Window owner) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle("Save view as");
        dialog.setHeaderText("A figure for a paper or slides: the same drawing as on screen, in the paper theme");
        if (owner != null) {
            dialog.initOwner(owner);
        }
        ComboBox<FigureFormat> format = new ComboBox<>();
        format.getItems().setAll(FigureFormat.values());
        format.setValue(vm.formatProperty().get());
        TextField width = new TextField(vm.widthProperty().get());
        width.setPromptText("3.5in, 7in, 1200px, 9cm");
        TextField dpi = new TextField(String.format(Locale.ROOT, "%.0f", vm.dpiProperty().get()));
        ComboBox<FigureStyle.Theme> theme = new ComboBox<>();
        theme.getItems().setAll(FigureStyle.Theme.values());
        theme.setValue(vm.themeProperty().get());
        CheckBox caption = new CheckBox("Caption line (model · image · block)");
        caption.setSelected(vm.captionProperty().get());
        Label result = new Label();
        result.setWrapText(true);
        result.setMaxWidth(380);
        result.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.setPadding(new Insets(12));
        grid.addRow(0, new Label("Format"), format);
        grid.addRow(1, new Label("Width"), width);
        grid.addRow(2, new Label("Resolution (dpi)"), dpi);
        grid.addRow(3, new Label("Theme"), theme);
        grid.add(caption, 1, 4);
        grid.add(result, 0, 5, 2, 1);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.CANCEL, ButtonType.OK);

        Runnable check = () -> {
            String problem = null;
            FigureSize size = null;
            try {
                size = FigureSize.parse(width.getText(), Double.parseDouble(dpi.getText().trim()));
            } catch (NumberFormatException e) {
                problem = "dpi '" + dpi.getText() + "' is not a number";
            } catch (IllegalArgumentException e) {
                problem = e.getMessage();
            }
            dialog.getDialogPane().lookupButton(ButtonType.OK).setDisable(problem != null);
            result.setText(problem != null ? problem : String.format(Locale.ROOT, "%.2f in wide%s; text at 8 – 9.5 pt",
                    size.widthIn(), format.getValue() == FigureFormat.PNG
                            ? String.format(Locale.ROOT, ", %d px at %.0f dpi", size.pixels(size.widthPt()), size.dpi())
                            : " (vector; text stays text)"));
        };
        width.textProperty().addListener((obs, old, now) -> check.run());
        dpi.textProperty().addListener((obs, old, now) -> check.run());
        format.valueProperty().addListener((obs, old, now) -> check.run());
        check.run();
        if (dialog.showAndWait().filter(ButtonType.OK::equals).isEmpty()) {
            return false;
        }
        vm.formatProperty().set(format.getValue());
        vm.widthProperty().set(width.getText().trim());
        vm.dpiProperty().set(Double.parseDouble(dpi.getText().trim()));
        vm.themeProperty().set(theme.getValue());
        vm.captionProperty().set(caption.isSelected());
        return true;
    }
}
