package org.splitscope.app.base;

import org.splitscope.app.TestModels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {

    @Test
    void remembersModelFoldersThemeAndWindow(@TempDir Path dir) throws Exception {
        Settings settings = TestModels.settings();
        try {
            Settings.Window fallback = new Settings.Window(1200, 800, false);
            assertEquals(fallback, settings.window(fallback), "first run: sized to the screen");
            Path model = Files.write(dir.resolve("m.safetensors"), new byte[1]);
            settings.setLastModel(new Settings.LastModel(model, "resnest50d", true));
            settings.setImageFolder(dir);
            settings.setDark(true);
            settings.setWindow(new Settings.Window(1500, 950, true));
            assertEquals(new Settings.LastModel(model.toAbsolutePath(), "resnest50d", true), settings.lastModel().get());
            assertEquals(Optional.of(dir.toAbsolutePath()), settings.imageFolder());
            assertTrue(settings.dark());
            assertEquals(new Settings.Window(1500, 950, true), settings.window(fallback));
            assertEquals(new Settings.Window(1280, 720, true), settings.window(fallback).within(1280, 720),
                    "a size remembered on a larger screen is clamped to the visible one");
            settings.setLastBundled("fashion_r2.safetensors");
            assertEquals(Optional.empty(), settings.lastModel(), "a bundled model replaces the last file");
            Files.delete(model);
            settings.setLastModel(new Settings.LastModel(model, null, false));
            assertFalse(settings.lastModel().isPresent(), "a file that is gone is not offered");
        } finally {
            settings.clear();
        }
        settings.setDark(false); // after the node is gone: ignored, not thrown
    }
}
