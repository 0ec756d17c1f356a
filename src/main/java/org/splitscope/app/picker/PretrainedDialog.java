package org.splitscope.app.picker;

import java.util.Optional;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.splitscope.hub.HubEnvironment;
import org.splitscope.hub.Pretrained;

/** Pretrained…: the published ResNeSt weights, which of them are cached, and one to open. */
final class PretrainedDialog {
    private PretrainedDialog() {}

    static Optional<Pretrained.Model> ask(Window owner) {
        HubEnvironment env = HubEnvironment.fromSystem();
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle("Pretrained weights");
        dialog.setHeaderText("ImageNet ResNeSt weights: timm's (Hugging Face) and the official release files.\n"
                + "A cached model opens at once; the others are downloaded first (progress and cancel in the status bar).");
        if (owner != null) {
            dialog.initOwner(owner);
        }
        ListView<Pretrained.Model> list = new ListView<>();
        list.getItems().setAll(Pretrained.all());
        // Sizes and cache state once, when the dialog opens, not on every repaint of a cell.
        java.util.Map<Pretrained.Model, String> lines = new java.util.HashMap<>();
        for (Pretrained.Model m : list.getItems()) {
            lines.put(m, m.id() + "   " + m.notation() + "   " + String.format(java.util.Locale.ROOT, "%.0f MB",
                    Pretrained.weightBytes(m.preset()) / 1e6) + (Pretrained.cached(m, env) ? "   · cached" : "   · download"));
        }
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Pretrained.Model m, boolean empty) {
                super.updateItem(m, empty);
                setText(empty || m == null ? null : lines.get(m));
            }
        });
        list.setPrefSize(560, 380);
        list.getSelectionModel().select(2); // resnest50d, the one most people want
        Label where = new Label("Caches: " + env.cache() + " · " + env.torchCache()
                + (env.offline() ? " · HF_HUB_OFFLINE is set: only cached models open" : ""));
        where.setWrapText(true);
        where.setMaxWidth(560);
        dialog.getDialogPane().setContent(new VBox(8, list, where));
        ButtonType open = new ButtonType("Open", ButtonType.OK.getButtonData());
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.CANCEL, open);
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && list.getSelectionModel().getSelectedItem() != null) {
                dialog.setResult(open);
                dialog.close();
            }
        });
        return dialog.showAndWait().filter(open::equals).map(b -> list.getSelectionModel().getSelectedItem());
    }
}
