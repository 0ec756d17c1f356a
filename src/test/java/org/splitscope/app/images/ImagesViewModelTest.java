package org.splitscope.app.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.splitscope.TestSupport;
import org.splitscope.app.Explorers;

class ImagesViewModelTest {

    @Test
    void foldersFilesAndSteppingThroughThem() throws Exception {
        try (var e = Explorers.started()) {
            ImagesViewModel vm = e.vm().images();
            Path folder = TestSupport.resource("input/formats");
            int before = vm.images().size(); // the test image and the bundled samples
            assertEquals("blocks.png", vm.images().get(0).name(), "the image asked for comes first");
            vm.add(List.of(folder));
            assertEquals(before + 8, vm.images().size(), "the folder's eight images");
            assertEquals(before, vm.selectedProperty().get(), "the first new image is shown");
            assertEquals("blocks.bmp", e.vm().session().capture().image().name());
            assertTrue(vm.thumbnails().get(vm.images().get(before)).getWidth() <= Thumbnails.SIZE);
            vm.next();
            assertEquals("blocks.gif", e.vm().session().capture().image().name());
            vm.previous();
            vm.previous();
            assertEquals(before - 1, vm.selectedProperty().get());
            vm.selectedProperty().set(0);
            vm.previous();
            assertEquals(0, vm.selectedProperty().get(), "stops at the first");
            vm.removeSelected();
            assertEquals(before + 7, vm.images().size());
            assertEquals(5, vm.predictionsProperty().get().size());
            vm.add(List.of(folder.resolve("nothing-here.txt")));
            assertEquals(1, e.problems().size(), "not an image: reported");
        }
    }
}
