package org.splitscope.app.cam;

import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.splitscope.app.figure.FigureView;
import org.splitscope.app.figure.FigureViews;
import org.splitscope.view.cam.CamMethod;
import org.splitscope.view.cam.ClassChoice;

/** The class activation map of the selected block over the input, beside the block's split contributions. */
public final class CamView extends FigureView<CamViewModel> {
    private final ComboBox<CamViewModel.ClassOption> classBox = new ComboBox<>();
    private boolean updating;

    public CamView(CamViewModel vm) {
        super(vm, "cam-view");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);

        ComboBox<CamViewModel.At> at = new ComboBox<>();
        at.getItems().setAll(CamViewModel.At.values());
        at.valueProperty().bindBidirectional(vm.atProperty());
        at.setTooltip(new Tooltip("Where the gradient is taken: the bottleneck's output (after the residual add), "
                + "or its split-attention output V"));
        at.setPrefWidth(190);
        at.setMinWidth(120);

        classBox.setItems(vm.classes());
        classBox.setPrefWidth(230);
        classBox.setMinWidth(120);
        classBox.setTooltip(new Tooltip("The class whose logit is explained: the top-5 with their probabilities, "
                + "then every class of the model"));
        // New classes (another image or model) replace the items; the box's list then drops its selection after
        // this listener has run, leaving the box blank: the choice is shown again once that has happened.
        vm.classes().addListener((javafx.collections.ListChangeListener<CamViewModel.ClassOption>) c ->
                javafx.application.Platform.runLater(this::selectClass));
        vm.classChoiceProperty().addListener((obs, old, now) -> selectClass());
        classBox.valueProperty().addListener((obs, old, now) -> {
            if (!updating && now != null) {
                vm.classChoiceProperty().set(now.choice());
            }
        });
        TextField byName = new TextField();
        byName.setPromptText("name or index…");
        byName.setPrefColumnCount(13);
        byName.setMinWidth(90);
        byName.setTooltip(new Tooltip("Any class of the model: its name (case and punctuation ignored) or index; Enter"));
        // Red while the typed class is unknown to the open model; cleared with the model.
        vm.classErrorProperty().addListener((obs, old, now) -> byName.pseudoClassStateChanged(
                javafx.css.PseudoClass.getPseudoClass("danger"), !now.isEmpty()));
        byName.setOnAction(e -> {
            String error = vm.chooseClass(byName.getText());
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
        method.setMinWidth(110);

        Slider opacity = new Slider(0, 1, vm.opacityProperty().get());
        opacity.valueProperty().bindBidirectional(vm.opacityProperty());
        opacity.setPrefWidth(90);
        opacity.setTooltip(new Tooltip("Opacity of the maps over the input"));
        // No title label: the figure's own title, right below, names the method, class and block.
        HBox header = FigureViews.header(label("At"), at, label("Class"), classBox, byName, spacer, label("Method"),
                method, label("Opacity"), opacity);
        header.setMinWidth(0); // a narrow window clips the controls rather than widening every tab
        setTop(header);

        ScrollPane scroll = new ScrollPane(canvas);
        scroll.setFitToWidth(true);
        canvas.showIn(scroll);
        canvas.setFitHeight(vm.session().presenterProperty().get()); // a projector shows all of it
        vm.session().presenterProperty().addListener((obs, old, now) -> canvas.setFitHeight(now));
        setCenter(scroll);
        Label readout = new Label();
        readout.getStyleClass().add("readout");
        // A long readout wraps onto a second line: its numbers are never cut with "…".
        readout.setWrapText(true);
        readout.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        readout.setMaxWidth(Double.MAX_VALUE);
        readout.textProperty().bind(vm.readout().textProperty());
        setBottom(readout);

        // Panels as large as fit: two rows (the CAM, the splits) in the visible height.
        canvas.setSource(w -> vm.draw(w, vm.session().style(),
                Math.max(160, Math.min(320, scroll.getViewportBounds().getHeight() * 0.36))));
        scroll.viewportBoundsProperty().addListener((obs, old, now) -> {
            if (old == null || old.getHeight() != now.getHeight()) {
                canvas.refresh();
            }
        });
        vm.revisionProperty().addListener((obs, old, now) -> canvas.refresh());
        vm.session().styleProperty().addListener((obs, old, now) -> canvas.refresh());
        canvas.setOnHover(t -> vm.readout().show(vm.readout(t)));
        canvas.setOnExit(vm.readout()::clear);
        selectClass();
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
}
