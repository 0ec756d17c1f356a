package org.splitscope.app.base;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** The executor's state as properties, updated on the FX thread (on the caller's thread in tests). */
public final class TaskStatus {
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", -1);

    void started(String jobTitle) {
        message.set(jobTitle + "…");
        progress.set(-1);
        running.set(true);
    }

    void progressed(double fraction, String text) {
        progress.set(fraction);
        if (text != null && !text.isBlank()) {
            message.set(text);
        }
    }

    void finished(String text) {
        running.set(false);
        progress.set(0);
        message.set(text);
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Negative while unknown. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public boolean isRunning() {
        return running.get();
    }
}
