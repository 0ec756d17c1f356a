package org.splitscope.app.images;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class BundledSamplesTest {

    @Test
    void readsTheIndexWhateverItsShapeAndOnlyPlainImageNames() {
        assertEquals(List.of("a.png", "b.jpg"), BundledSamples.names("[\"a.png\", \"b.jpg\"]"));
        assertEquals(List.of("a.png"), BundledSamples.names("{\"samples\": [{\"file\": \"a.png\", \"label\": \"Coat\"}]}"));
        assertEquals(List.of("c.png"), BundledSamples.names("{\"images\": [\"../etc/passwd.png\", \"c.png\", \"notes.txt\", \"c.png\"]}"));
        assertEquals(List.of(), BundledSamples.names("{}"));
    }
}
