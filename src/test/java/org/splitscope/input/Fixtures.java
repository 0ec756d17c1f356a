package org.splitscope.input;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** Paths of the files written by src/test/python/make_input_fixtures.py. */
final class Fixtures {
    private Fixtures() {}

    static Path path(String relative) {
        URL url = Fixtures.class.getResource("/input/" + relative);
        if (url == null) {
            throw new IllegalStateException("missing fixture input/" + relative + "; run src/test/python/make_input_fixtures.py");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
