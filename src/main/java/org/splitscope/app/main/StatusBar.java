package org.splitscope.app.main;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.splitscope.app.base.TaskExecutor;
import org.splitscope.app.session.Session;

/** The running job with its progress and a cancel button; the last capture's timing. */
final class StatusBar extends HBox {
    private final Label message = new Label();
    private final TaskExecutor executor;
    private String notice;

    StatusBar(TaskExecutor executor, Session session) {
        getStyleClass().add("status-bar");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(10);
        executor.status().messageProperty().addListener((obs, old, now) -> {
            if (notice != null && !executor.status().isRunning()) {
                message.setText(notice); // what the finished job had to say beats "done in … ms"
                notice = null;
            } else {
                message.setText(now);
            }
        });
        this.executor = executor;
        ProgressBar progress = new ProgressBar();
        progress.setPrefWidth(160);
        progress.progressProperty().bind(executor.status().progressProperty());
        progress.visibleProperty().bind(executor.status().runningProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        Button cancel = new Button(null, new FontIcon(MaterialDesignC.CLOSE_CIRCLE_OUTLINE));
        cancel.getStyleClass().addAll("button-icon", "flat");
        cancel.setTooltip(new Tooltip("Cancel (a forward already running finishes first; its result is dropped)"));
        cancel.setOnAction(e -> executor.cancelAll());
        cancel.visibleProperty().bind(executor.status().runningProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        Label timing = new Label();
        timing.getStyleClass().add("timing");
        session.captureProperty().addListener((obs, old, now) -> timing.setText(now == null ? ""
                : String.format(java.util.Locale.ROOT, "forward %.0f ms · copy %.0f ms · %s", now.result().forwardMs(),
                        now.result().hostCopyMs(), org.splitscope.runtime.Devices.describe(now.model().device()))));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        // A long message wraps onto a second line rather than being cut; the timing keeps its width.
        message.setWrapText(true);
        message.setMinWidth(120);
        timing.setMinWidth(javafx.scene.control.Control.USE_PREF_SIZE);
        setMinHeight(javafx.scene.control.Control.USE_PREF_SIZE);
        getChildren().addAll(message, spacer, progress, cancel, timing);
    }

    /** A notice ("Saved …") shown until the next job reports (or once the running ones end). */
    void show(String text) {
        if (executor.status().isRunning()) {
            notice = text;
        } else {
            message.setText(text);
        }
    }

    String text() {
        return message.getText();
    }
}
