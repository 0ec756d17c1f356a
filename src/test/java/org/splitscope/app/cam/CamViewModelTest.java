package org.splitscope.app.cam;

import org.splitscope.view.ViewSpec;
import org.splitscope.view.Views;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitscope.view.cam.CamEvidence;
import org.splitscope.app.Explorers;
import org.splitscope.app.base.SerialTaskExecutor;
import org.splitscope.app.base.StartOptions;
import org.splitscope.app.TestModels;
import org.splitscope.app.main.MainViewModel;
import org.splitscope.app.session.ImageCapture;
import org.splitscope.view.cam.CamMethod;
import org.splitscope.view.cam.CamResult;
import org.splitscope.view.cam.CamService;
import org.splitscope.view.cam.ClassChoice;
import org.splitscope.view.cam.CamFigure;
import org.splitscope.figure.FigureFilesTest;
import org.splitscope.figure.FigureFormat;

class CamViewModelTest {

    private static CamResult expected(ImageCapture c, String target, ClassChoice choice, CamMethod method)
            throws Exception {
        return CamService.compute(c.model(), List.of(c.sample()), target, choice, method);
    }

    private static void assertShows(CamViewModel vm, CamResult want) {
        CamEvidence e = vm.evidenceProperty().get();
        assertNotNull(e, vm.statusProperty().get());
        assertEquals(want.target(), e.target());
        assertEquals(want.classes().get(0), e.explained());
        assertArrayEquals(want.map(0), e.map(), "the raw map CamService gives");
        assertArrayEquals(want.mapOnInput(0), e.onInput(), "the map on the input CamService gives");
    }

    @Test
    void showsCamServicesMapAndRecomputesForClassMethodAndBlock(@TempDir Path dir) throws Exception {
        try (var e = Explorers.started()) {
            CamViewModel vm = e.vm().cam();
            var session = e.vm().session();
            session.blockProperty().set("layer3.0");
            assertNull(vm.evidenceProperty().get(), "no backward pass while another view is shown");
            e.vm().viewProperty().set(Views.CAM);
            ImageCapture c = session.capture();
            assertShows(vm, expected(c, "layer3.0", ClassChoice.TOP, CamMethod.GRADCAM));
            CamEvidence top = vm.evidenceProperty().get();
            assertEquals(c.top().get(0).index(), top.explained().index(), "top: the prediction's first class");
            assertEquals(c.top().get(0).probability(), top.probability(), 1e-9);
            assertEquals(2, top.contributions().maps().length, "the block's split maps beside it");
            assertEquals(1 + 5 + 5, vm.classes().size(), "top class, the top-5, the other five classes");
            assertTrue(vm.classes().get(1).text().endsWith(" %"), vm.classes().get(1).text());

            vm.classChoiceProperty().set(ClassChoice.of(3));
            assertShows(vm, expected(c, "layer3.0", ClassChoice.of(3), CamMethod.GRADCAM));
            vm.methodProperty().set(CamMethod.LAYERCAM);
            assertShows(vm, expected(c, "layer3.0", ClassChoice.of(3), CamMethod.LAYERCAM));
            vm.atProperty().set(CamViewModel.At.SPLIT_ATTENTION);
            assertShows(vm, expected(c, "layer3.0.conv2", ClassChoice.of(3), CamMethod.LAYERCAM));
            session.blockProperty().set("layer2.0");
            assertShows(vm, expected(c, "layer2.0.conv2", ClassChoice.of(3), CamMethod.LAYERCAM));
            assertEquals("layer2.0", vm.evidenceProperty().get().contributions().block());

            assertNull(vm.chooseClass("trouser"), "a class by name");
            assertEquals(1, vm.evidenceProperty().get().explained().index());
            assertTrue(vm.chooseClass("unicorn").startsWith("no class 'unicorn'"), vm.chooseClass("unicorn"));
            assertEquals(1, vm.classChoiceProperty().get().index(), "a bad name changes nothing");

            String readout = vm.readout(new CamFigure.CamPixel(3, 20));
            assertTrue(readout.contains("input (h, w) = (20, 3) of 28×28: CAM = ") && readout.contains("r = 1 → "),
                    readout);

            var export = e.vm().export();
            export.formatProperty().set(FigureFormat.PNG);
            export.widthProperty().set("600px");
            List<Path> written = new ArrayList<>();
            assertTrue(export.saveFigure(vm, dir.resolve("cam"), true, p -> false, written::add));
            var text = FigureFilesTest.pngText(dir.resolve("cam.png"));
            assertEquals("cam", text.get("View"));
            assertEquals("layer2.0", text.get("Block"));
            assertEquals("Trouser (class 1)", text.get("Class"));
            assertEquals("LayerCAM", text.get("Method"));
            assertEquals("layer2.0.conv2 (split-attention output V)", text.get("CAM at"));
            assertTrue(export.exportData(vm, dir.resolve("cam-data"), true, p -> false, written::add));
            List<String> csv = Files.readAllLines(dir.resolve("cam-data.csv"));
            assertEquals("at,class,label,quantity,split,y,x,value", csv.get(0));
            assertTrue(csv.stream().anyMatch(l -> l.startsWith("layer2.0,1,Trouser,correlation_with_cam,1,,,")), "ρ rows");
            assertEquals(List.of(), e.problems());
        }
    }

    @Test
    void aSupersededMapIsDroppedAndNeverShown() throws Exception {
        Deque<Runnable> worker = new ArrayDeque<>();
        var settings = TestModels.settings();
        MainViewModel main = new MainViewModel(SerialTaskExecutor.of(worker::add, Runnable::run), settings);
        try {
            main.start(new StartOptions(TestModels.gray28(), TestModels.image(), null, "cam", null, null, null, null));
            drain(worker);
            CamViewModel vm = main.cam();
            assertNotNull(vm.evidenceProperty().get(), "computed once the capture is in");
            List<CamMethod> shown = new ArrayList<>();
            vm.evidenceProperty().addListener((obs, old, now) -> {
                if (now != null) {
                    shown.add(now.method());
                }
            });
            vm.methodProperty().set(CamMethod.GRADCAM_PLUS_PLUS);
            assertTrue(vm.statusProperty().get().startsWith("Computing Grad-CAM++"), vm.statusProperty().get());
            vm.methodProperty().set(CamMethod.LAYERCAM); // before the worker got to Grad-CAM++
            drain(worker);
            assertEquals(List.of(CamMethod.LAYERCAM), shown);
        } finally {
            var model = main.session().modelProperty().get();
            main.session().modelProperty().set(null);
            if (model != null) {
                model.close();
            }
            settings.clear();
        }
    }

    private static void drain(Deque<Runnable> worker) {
        while (!worker.isEmpty()) {
            worker.poll().run();
        }
    }
}
