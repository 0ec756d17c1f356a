package org.splitscope.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.splitscope.SplitScopeException;
import org.splitscope.hub.HubCache;
import org.splitscope.hub.HubConfig;
import org.splitscope.hub.HubHeaders;
import org.splitscope.hub.HubNames;
import org.splitscope.io.AtomicFiles;

/**
 * Fuzz targets for what the hub client reads from a server or from its cache: config.json, refs
 * (and the revision names that lead to them), and the response headers that become paths, sizes
 * and redirects. A reader may refuse only with a one-line SplitScopeException; anything else (a
 * RuntimeException, an Error, a path outside the cache, a hash that is not one) is a finding. The
 * normal test run replays the seeds in {@code HubFuzzTestInputs/<target>/}; {@code mvn test -Pfuzz
 * -Dtest='HubFuzzTest#headers'} fuzzes one target for its time budget.
 */
class HubFuzzTest {
    private static Path dir;

    @BeforeAll
    static void start() throws IOException {
        dir = Files.createTempDirectory("splitscope-hub-fuzz");
    }

    @AfterAll
    static void stop() throws IOException {
        AtomicFiles.deleteTree(dir);
    }

    @FuzzTest(maxDuration = "2m")
    void config(byte[] data) throws IOException {
        Path file = Files.write(dir.resolve("config.json"), data);
        try {
            Optional<String> arch = HubConfig.architecture(file);
            arch.ifPresent(a -> require(a != null, "architecture null"));
        } catch (SplitScopeException expected) {
            requireOneLine(expected.getMessage());
        }
    }

    /** The first line is a revision as a user may give it; the rest is what refs/<revision> holds. */
    @FuzzTest(maxDuration = "2m")
    void refs(byte[] data) throws IOException {
        String text = new String(data, StandardCharsets.UTF_8);
        int nl = text.indexOf('\n');
        String revision = nl < 0 ? text : text.substring(0, nl);
        byte[] content = nl < 0 ? new byte[0] : text.substring(nl + 1).getBytes(StandardCharsets.UTF_8);
        Path root = dir.resolve("hub");
        HubCache cache = new HubCache(root);
        try {
            HubNames.requireRevision(revision, "hf:org/repo");
        } catch (SplitScopeException expected) {
            requireOneLine(expected.getMessage());
            return;
        }
        Path ref = cache.repo("org/repo").resolve("refs").resolve(revision).toAbsolutePath().normalize();
        require(ref.startsWith(root.toAbsolutePath().resolve("models--org--repo").resolve("refs")),
                "an accepted revision leads out of refs/: " + revision);
        try {
            if (!HubNames.isCommit(revision)) {
                Files.createDirectories(ref.getParent());
                Files.write(ref, content);
            }
            Optional<String> commit = cache.commit("org/repo", revision);
            commit.ifPresent(c -> require(HubNames.isCommit(c), "a ref read back as commit " + c));
            cache.find("org/repo", revision, "model.safetensors").ifPresent(p -> require(false, "found " + p));
        } catch (SplitScopeException expected) {
            requireOneLine(expected.getMessage());
        } finally {
            if (Files.exists(root)) {
                AtomicFiles.deleteTree(root);
            }
        }
    }

    /** Lines of {@code Name: value}: the hub's HEAD answer, a redirect, a 206. */
    @FuzzTest(maxDuration = "2m")
    void headers(byte[] data) {
        Map<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String line : new String(data, StandardCharsets.ISO_8859_1).split("\r?\n")) {
            int colon = line.indexOf(':');
            String name = colon > 0 ? line.substring(0, colon).trim() : "";
            if (!name.isEmpty()) { // as the JDK's client hands them over: a name is never empty
                map.computeIfAbsent(name, k -> new ArrayList<>()).add(line.substring(colon + 1));
            }
        }
        HttpHeaders h = HttpHeaders.of(map, (k, v) -> true);
        String what = "hf:org/repo model.safetensors";
        try {
            HubHeaders.Metadata m = HubHeaders.metadata(h, what);
            require(HubNames.isCommit(m.commit()), "commit " + m.commit());
            require(HubNames.isFileHash(m.etag()), "etag " + m.etag());
            require(m.size() >= -1, "size " + m.size());
        } catch (SplitScopeException expected) {
            requireOneLine(expected.getMessage());
        }
        URI from = URI.create("https://huggingface.co/org/repo/resolve/main/model.safetensors");
        try {
            URI to = HubHeaders.redirect(from, h, what);
            require(to.getScheme().matches("(?i)https?") && to.getHost() != null, "redirect to " + to);
            HubHeaders.keepsAuthorization(from, to);
        } catch (SplitScopeException expected) {
            requireOneLine(expected.getMessage());
        }
        try {
            require(HubHeaders.rangeStart(h, what) >= -1, "range");
            require(HubHeaders.size(h, "Content-Length", what) >= -1, "length");
        } catch (SplitScopeException expected) {
            requireOneLine(expected.getMessage());
        }
    }

    private static void require(boolean ok, String finding) {
        if (!ok) {
            throw new IllegalStateException(finding);
        }
    }

    /** What the user reads: one line, no raw control characters. */
    private static void requireOneLine(String message) {
        if (message == null || message.isBlank() || message.chars().anyMatch(c -> c < 0x20 || c == 0x7F)) {
            throw new IllegalStateException("error message not one clean line: " + message);
        }
    }
}
