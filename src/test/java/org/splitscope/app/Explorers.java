package org.splitscope.app;

import org.splitscope.app.base.Settings;
import org.splitscope.app.base.StartOptions;
import org.splitscope.app.base.SerialTaskExecutor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.splitscope.app.main.MainViewModel;
import org.splitscope.app.session.Problem;

/** A whole explorer as view models on the direct executor: every job finishes before the call returns. */
public final class Explorers {
    private Explorers() {}

    public record Explorer(MainViewModel vm, Settings settings, List<Problem> problems) implements AutoCloseable {
        @Override
        public void close() {
            var model = vm.session().modelProperty().get();
            vm.session().modelProperty().set(null);
            if (model != null) {
                model.close();
            }
            settings.clear();
        }
    }

    /** Started on the test model and the test image. */
    public static Explorer started() throws Exception {
        return started(TestModels.gray28(), TestModels.image());
    }

    public static Explorer started(Path model, Path image) {
        Settings settings = TestModels.settings();
        MainViewModel vm = new MainViewModel(SerialTaskExecutor.direct(), settings);
        List<Problem> problems = new ArrayList<>();
        vm.problemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                problems.add(now);
            }
        });
        vm.start(new StartOptions(model, image, null, null, null, null, null, null));
        return new Explorer(vm, settings, problems);
    }
}
