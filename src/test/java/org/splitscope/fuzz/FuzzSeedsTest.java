package org.splitscope.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import ai.djl.ndarray.NDManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.splitscope.TestSupport;
import org.splitscope.checkpoint.CheckpointException;
import org.splitscope.checkpoint.Checkpoints;
import org.splitscope.runtime.Engines;
import org.splitscope.input.ImageInputException;
import org.splitscope.input.ImageLoader;
import org.splitscope.input.NpyReader;

/**
 * The fuzz seeds do what their names say: a seed named {@code refused-…} is refused by its reader with
 * the reader's own exception and a clean one-line message (so the replayed corpus exercises
 * {@link ReaderFuzzTest}'s message check, not only the happy path), every other seed is a file the
 * reader reads. A reader that starts accepting a damaged or hostile file, or refuses with anything
 * else, fails here by the seed's name.
 */
class FuzzSeedsTest {
    private static final Path SEEDS = TestSupport.resource("org/splitscope/fuzz/ReaderFuzzTestInputs");
    private static NDManager manager;

    @BeforeAll
    static void start() {
        Engines.configure(0);
        manager = NDManager.newBaseManager();
    }

    @AfterAll
    static void stop() {
        manager.close();
    }

    static Stream<Arguments> seeds() throws Exception {
        List<Arguments> out = new ArrayList<>();
        for (String target : List.of("checkpoint", "npy", "image")) {
            try (var files = Files.list(SEEDS.resolve(target))) {
                for (Path f : files.sorted().toList()) {
                    out.add(Arguments.of(target + "/" + f.getFileName(), target, f));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void seedIsReadOrRefusedCleanlyAsItsNameSays(String name, String target, Path seed) throws Exception {
        boolean refuse = seed.getFileName().toString().startsWith("refused-");
        String refusal = read(target, seed);
        if (refuse) {
            assertTrue(refusal != null, name + " was read, but it is a damaged or hostile file");
            assertTrue(!refusal.isBlank() && refusal.chars().noneMatch(c -> c < 0x20 || c == 0x7F),
                    name + ": message not one clean line: " + refusal);
        } else if (refusal != null) {
            fail(name + " is a valid file but was refused: " + refusal);
        }
    }

    /** Each target reaches the message check with several kinds of damage, not just one. */
    @Test
    void everyTargetHasRefusedSeedsAndValidOnes() throws Exception {
        for (String target : List.of("checkpoint", "npy", "image")) {
            try (var files = Files.list(SEEDS.resolve(target))) {
                List<String> names = files.map(f -> f.getFileName().toString()).toList();
                long refused = names.stream().filter(n -> n.startsWith("refused-")).count();
                assertTrue(refused >= 5 && names.size() - refused >= 2, target + ": " + names);
            }
        }
        assertTrue(Files.isRegularFile(SEEDS.resolve("checkpoint/tiny.params")), "a DJL .params seed");
    }

    /** The reader's own refusal message, or null where the file was read. Anything else propagates. */
    private static String read(String target, Path seed) throws Exception {
        try {
            switch (target) {
                case "checkpoint" -> {
                    try (NDManager one = manager.newSubManager()) {
                        Checkpoints.read(seed, one).tensors().values().forEach(t -> t.getShape());
                    }
                }
                case "npy" -> NpyReader.read(seed);
                case "image" -> ImageLoader.load(seed);
                default -> throw new IllegalArgumentException(target);
            }
            return null;
        } catch (CheckpointException | ImageInputException e) {
            return e.getMessage();
        }
    }
}
