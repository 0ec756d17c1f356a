package org.splitscope.app.main;

import javafx.scene.control.Alert;
import javafx.scene.control.TextArea;
import javafx.stage.Window;
import org.splitscope.app.session.Problem;

/** An error: the one-line message, and the details (stack trace) behind "Show details". */
final class ErrorDialog {
    private ErrorDialog() {}

    static Alert of(Problem problem, Window owner) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.setTitle("SplitScope");
        alert.setHeaderText(problem.title() + " failed");
        alert.setContentText(problem.message());
        TextArea details = new TextArea(problem.details());
        details.setEditable(false);
        details.setWrapText(false);
        details.setPrefRowCount(18);
        details.setPrefColumnCount(100); // a stack trace line is long: readable without scrolling sideways
        details.setStyle("-fx-font-family: monospace;");
        alert.getDialogPane().setExpandableContent(details);
        alert.setResizable(true);
        if (owner != null) {
            alert.initOwner(owner);
        }
        return alert;
    }
}
