package org.splitscope.app.session;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The hover line under a view: exact values under the pointer, or the view's hint. It goes back to
 * the hint whenever what the view shows changes (model, image, capture, block, group, split), so it
 * never reports a value the picture no longer has.
 */
public final class Readout {
    private final String hint;
    private final ReadOnlyStringWrapper text;

    public Readout(Session session, String hint) {
        this.hint = hint;
        this.text = new ReadOnlyStringWrapper(this, "text", hint);
        session.modelProperty().addListener((obs, old, now) -> clear());
        session.imageProperty().addListener((obs, old, now) -> clear());
        session.captureProperty().addListener((obs, old, now) -> clear());
        session.blockProperty().addListener((obs, old, now) -> clear());
        session.groupProperty().addListener((obs, old, now) -> clear());
        session.splitProperty().addListener((obs, old, now) -> clear());
    }

    /** A value under the pointer; null or blank (nothing there) shows the hint. */
    public void show(String value) {
        text.set(value == null || value.isBlank() ? hint : value);
    }

    /** Back to the hint (pointer left, or the picture changed). */
    public void clear() {
        text.set(hint);
    }

    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    public String text() {
        return text.get();
    }
}
