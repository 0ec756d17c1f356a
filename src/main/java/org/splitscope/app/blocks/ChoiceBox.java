package org.splitscope.app.blocks;

import java.util.List;
import javafx.beans.property.IntegerProperty;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.ComboBox;

/** A combo box over {@link BlocksViewModel.Choice}s kept in step with an integer property (group or split). */
public final class ChoiceBox extends ComboBox<BlocksViewModel.Choice> {
    private boolean updating;

    public ChoiceBox(ObservableValue<List<BlocksViewModel.Choice>> choices, IntegerProperty value) {
        Runnable fill = () -> {
            updating = true;
            getItems().setAll(choices.getValue());
            select(value.get());
            updating = false;
            setDisable(getItems().size() <= 1);
        };
        choices.addListener((obs, old, now) -> fill.run());
        value.addListener((obs, old, now) -> {
            updating = true;
            select(now.intValue());
            updating = false;
        });
        valueProperty().addListener((obs, old, now) -> {
            if (!updating && now != null) {
                value.set(now.value());
            }
        });
        fill.run();
    }

    private void select(int v) {
        for (BlocksViewModel.Choice c : getItems()) {
            if (c.value() == v) {
                setValue(c);
                return;
            }
        }
        setValue(getItems().isEmpty() ? null : getItems().get(0));
    }
}
