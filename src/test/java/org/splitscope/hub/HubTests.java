package org.splitscope.hub;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.function.Executable;
import org.splitscope.SplitScopeException;

/** What the hub tests share: the environment they run in, and what every refusal must look like. */
final class HubTests {
    static final String TOKEN = "hf_SecretToken123";
    static final String COMMIT = FakeHub.COMMIT;
    static final String REPO = "org/repo";
    static final String FILE = "model.safetensors";

    private HubTests() {}

    /** HF_ENDPOINT, HF_HOME and HF_TOKEN for a test; more variables as name, value pairs (null removes). */
    static HubEnvironment env(Path temp, String endpoint, String... extra) {
        Map<String, String> m = new HashMap<>();
        m.put("HF_ENDPOINT", endpoint);
        m.put("HF_HOME", temp.resolve("hf").toString());
        m.put("HF_TOKEN", TOKEN);
        m.put("TORCH_HOME", temp.resolve("torch").toString());
        for (int i = 0; i < extra.length; i += 2) {
            if (extra[i + 1] == null) {
                m.remove(extra[i]);
            } else {
                m.put(extra[i], extra[i + 1]);
            }
        }
        return HubEnvironment.of(m, temp.resolve("home"));
    }

    /**
     * The call fails with a SplitScopeException whose message is one clean line (no control
     * characters) that does not contain the token, and contains each of {@code expected}.
     */
    static SplitScopeException fails(Executable call, String... expected) {
        SplitScopeException e = assertThrows(SplitScopeException.class, call);
        String m = e.getMessage();
        assertTrue(m != null && !m.isBlank() && m.chars().noneMatch(c -> c < 0x20 || c == 0x7F), "one clean line: " + m);
        assertFalse(m.contains(TOKEN) || m.contains("SecretToken"), "the token never appears: " + m);
        for (String s : expected) {
            assertTrue(m.contains(s), "«" + s + "» in: " + m);
        }
        return e;
    }

    /** The hub's HEAD answer: commit, file hash, size (each left out when null). */
    static void metadata(HttpExchange e, String commit, String etag, String size) {
        var h = e.getResponseHeaders();
        if (commit != null) {
            h.add("X-Repo-Commit", commit);
        }
        if (etag != null) {
            h.add("X-Linked-Etag", "\"" + etag + "\"");
        }
        if (size != null) {
            h.add("X-Linked-Size", size);
        }
    }
}
