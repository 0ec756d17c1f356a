package org.splitscope.app.depth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.splitscope.TestSupport;
import org.splitscope.app.Explorers;
import org.splitscope.app.main.MainViewModel;
import org.splitscope.bundled.BundledModels;
import org.splitscope.view.depth.DepthFigure;
import org.splitscope.figure.Drawing;
import org.splitscope.figure.FigureStyle;
import org.splitscope.view.ViewSpec;
import org.splitscope.view.Views;

/** The Depth profile tab without a window: one capture gives every block; a click selects one. */
class DepthViewModelTest {

    @Test
    void aClickOnABlockSelectsItAndTheFileFigureIsTheSameProfile() throws Exception {
        Path model = BundledModels.resolve(Path.of("fmnist-2s2x40d"));
        try (var e = Explorers.started(model, Path.of("resources/samples/fashion-mnist/dress-0013.png"))) {
            DepthViewModel vm = e.vm().depth();
            e.vm().viewProperty().set(Views.tab("depth"));
            assertEquals(Views.DEPTH, e.vm().viewProperty().get());
            var profile = vm.profileProperty().get();
            assertEquals(6, profile.blocks().size(), "layer1.0 … layer3.1");
            // The window's capture of the image gives the profile numpy computed from capture's capture.npz.
            var expected = JsonParser.parseString(Files.readString(TestSupport.resource(
                    "depth/fmnist-2s2x40d.depth.json"))).getAsJsonObject().getAsJsonArray("blocks");
            for (int i = 0; i < expected.size(); i++) {
                var want = expected.get(i).getAsJsonObject();
                assertEquals(want.get("entropy").getAsDouble(), profile.blocks().get(i).entropy(), 1e-5);
                assertEquals(want.getAsJsonArray("splitMean").get(1).getAsDouble(),
                        profile.blocks().get(i).splitMean()[1], 1e-5);
            }
            int forwards = e.vm().session().forwardsProperty().get();

            Drawing d = vm.draw(900, FigureStyle.screen(false));
            var hit = d.hits().get(4).area();
            Object target = d.hit(hit.getCenterX(), hit.getCenterY());
            assertEquals(new DepthFigure.Point(4, "layer3.0"), target);
            assertTrue(vm.readout(target).startsWith("layer3.0 (R = 2, 80 channels) · entropy "), vm.readout(target));
            assertNull(vm.readout("something else"));
            int revision = vm.revisionProperty().get();
            vm.click(target);
            assertEquals("layer3.0", e.vm().session().blockProperty().get(), "selected in the session");
            assertTrue(vm.revisionProperty().get() > revision, "redrawn with the new highlight");
            assertEquals(forwards, e.vm().session().forwardsProperty().get(), "selecting needs no forward");

            assertEquals(Views.DEPTH, vm.request().view());
            var file = vm.fileFigure();
            assertEquals("every block (layer3.0 selected)", file.provenance().block());
            String csv = new String(file.data().csv(), StandardCharsets.UTF_8);
            assertTrue(csv.startsWith("block,stage,radix,channels,entropy_mean,entropy_std,saturation,split,"
                    + "attention_mean,attention_std\r\n"), csv);
            assertEquals(1 + 6 * 2, csv.lines().count(), "a row per block and split");
            assertTrue(csv.contains("\r\nlayer2.1,2,2,40,"), csv);
        }
    }
}
