package org.splitscope.app.cam;

import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.splitscope.app.export.Exportable;
import org.splitscope.app.figure.FigureCanvas;
import org.splitscope.app.figure.FigureViewModel;
import org.splitscope.app.figure.FigureViews;
import org.splitscope.cam.CamMethod;
import org.splitscope.cam.ClassChoice;
import org.splitscope.figure.FigureStyle;

/** The class activation map of the selected block over the input, beside the block's split contributions. */
public final class CamView extends BorderPane implements Exportable {
    private final CamViewModel vm;
    private final FigureCanvas canvas = new FigureCanvas();
    private final ComboBox<CamViewModel.ClassOption> classBox = new ComboBox<>();
    private final Label title = new Label();
    private boolean updating;

    public CamView(CamViewModel vm) {
        this.vm = vm;
        FigureViews.style(this, "cam-view");
        title.getStyleClass().add("view-title");
        title.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);

        ComboBox<CamViewModel.At> at = new ComboBox<>();
        at.getItems().setAll(CamViewModel.At.values());
        at.valueProperty().bindBidirectional(vm.atProperty());
        at.setTooltip(new Tooltip("Where the gradient is taken: the bottleneck's output (after the residual add), "
                + "or its split-attention output V"));
        at.setMinWidth(Region.USE_PREF_SIZE);

        classBox.setItems(vm.classes());
        classBox.setPrefWidth(210);
        classBox.setTooltip(new Tooltip("The class whose logit is explained: the top-5 with their probabilities, "
                + "then every class of the model"));
        vm.classes().addListener((javafx.collections.ListChangeListener<CamViewModel.ClassOption>) c -> selectClass());
        vm.classChoiceProperty().addListener((obs, old, now) -> selectClass());
        classBox.valueProperty().addListener((obs, old, now) -> {
            if (!updating && now != null) {
                vm.classChoiceProperty().set(now.choice());
            }
        });
        TextField byName = new TextField();
        byName.setPromptText("class name or index");
        byName.setPrefColumnCount(11);
        byName.setTooltip(new Tooltip("Any class of the model: its name (case and punctuation ignored) or index; Enter"));
        byName.setOnAction(e -> {
            String error = vm.chooseClass(byName.getText());
            byName.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("danger"), error != null);
            if (error != null) {
                vm.readout().show(error);
            } else {
                byName.clear();
            }
        });

        ComboBox<CamMethod> method = new ComboBox<>();
        method.getItems().setAll(CamMethod.values());
        method.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(CamMethod m) {
                return m == null ? "" : m.displayName();
            }

            @Override
            public CamMethod fromString(String s) {
                return null;
            }
        });
        method.valueProperty().bindBidirectional(vm.methodProperty());
        method.setMinWidth(Region.USE_PREF_SIZE);

        Slider opacity = new Slider(0, 1, vm.opacityProperty().get());
        opacity.valueProperty().bindBidirectional(vm.opacityProperty());
        opacity.setPrefWidth(90);
        opacity.setTooltip(new Tooltip("Opacity of the maps over the input"));
        setTop(FigureViews.header(title, spacer, label("At"), at, label("Class"), classBox, byName, label("Method"),
                method, label("Opacity"), opacity));

        ScrollPane scroll = new ScrollPane(canvas);
        scroll.setFitToWidth(true);
        canvas.showIn(scroll);
        setCenter(scroll);
        Label readout = new Label();
        readout.getStyleClass().add("readout");
        readout.textProperty().bind(vm.readout().textProperty());
        setBottom(readout);

        // Panels as large as fit: two rows (the CAM, the splits) in the visible height.
        canvas.setSource(w -> vm.draw(w, FigureStyle.screen(vm.session().darkProperty().get()),
                Math.max(160, Math.min(320, scroll.getViewportBounds().getHeight() * 0.36))));
        scroll.viewportBoundsProperty().addListener((obs, old, now) -> {
            if (old == null || old.getHeight() != now.getHeight()) {
                canvas.refresh();
            }
        });
        vm.revisionProperty().addListener((obs, old, now) -> redraw());
        vm.session().darkProperty().addListener((obs, old, now) -> canvas.refresh());
        canvas.setOnHover(t -> vm.readout().show(vm.readout(t)));
        canvas.setOnExit(vm.readout()::clear);
        selectClass();
        redraw();
    }

    private static Label label(String text) {
        Label l = new Label(text);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    /** The class box shows the view model's choice (a class typed by name is selected in the list too). */
    private void selectClass() {
        updating = true;
        try {
            ClassChoice choice = vm.classChoiceProperty().get();
            classBox.setValue(vm.classes().stream().filter(o -> o.choice().equals(choice)).findFirst().orElse(null));
        } finally {
            updating = false;
        }
    }

    private void redraw() {
        var b = vm.session().selectedBlock();
        title.setText(b == null ? "" : "Grad-CAM · " + b.name());
        canvas.refresh();
    }

    @Override
    public FigureViewModel figureModel() {
        return vm;
    }

    @Override
    public FigureCanvas canvas() {
        return canvas;
    }
}
