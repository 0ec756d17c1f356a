package org.splitscope.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The model object every run's JSON carries: its keys, their order, and random weights (no SHA-256). */
class ModelJsonTest {
    private static final String SHA = "ab".repeat(32);

    @Test
    void nameAndSha256() {
        Gson nulls = new GsonBuilder().serializeNulls().create();
        assertEquals("{\"name\":\"r\",\"sha256\":\"" + SHA + "\"}", nulls.toJson(ModelJson.of("r", SHA)));
        assertEquals("{\"name\":\"r\",\"sha256\":null}", nulls.toJson(ModelJson.of("r", null)),
                "knockout.json and stats.json say null for random weights");
        assertEquals("{\"name\":null,\"sha256\":null}", nulls.toJson(ModelJson.of(null, null)));
    }

    @Test
    void fileThenSha256AfterWhatCameBefore() {
        JsonObject m = new JsonObject();
        m.addProperty("name", "r");
        ModelJson.addFile(m, Path.of("w.pth"), SHA);
        m.addProperty("notation", "n");
        assertEquals("{\"name\":\"r\",\"file\":\"w.pth\",\"sha256\":\"" + SHA + "\",\"notation\":\"n\"}", new Gson().toJson(m));
        JsonObject random = new JsonObject();
        random.addProperty("name", "r");
        ModelJson.addFile(random, null, null);
        assertEquals("{\"name\":\"r\"}", new Gson().toJson(random), "capture.json and cam.json leave both out");
    }
}
