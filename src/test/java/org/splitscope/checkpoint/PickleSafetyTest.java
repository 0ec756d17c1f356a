package org.splitscope.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pickles that name code, lie about sizes or are built to exhaust memory or the stack. */
class PickleSafetyTest extends WithManager {
    @TempDir Path dir;

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private Path zipWith(byte[] dataPkl) throws IOException {
        return write("crafted.pth", Archives.zip(dataPkl, Archives.floats(1, 2)));
    }

    private static final long[] TWO = {2};
    private static final long[] ONE = {1};

    @Test
    void craftedArchiveLoadsWhenHonest() throws Exception {
        // The control for the tests below: the hand-written pickle and zip are right when honest.
        Path file = zipWith(PickleWriter.stateDict("FloatStorage", 2, 0, TWO, ONE));
        assertArrayEquals(new float[] {1, 2}, Checkpoints.read(file, manager).tensors().get("w").toFloatArray());
    }

    @Test
    void stateDictIsFoundUnderModelBeforeModelEma() throws Exception {
        // {"model_ema": {"w": storage 1}, "model": {"w": storage 0}, "epoch": 5}
        byte[] pickle = new PickleWriter().proto().op('}')
                .str("model_ema").op('}').str("w").tensor("FloatStorage", "1", 2, 0, TWO, ONE).op('s', 's')
                .str("model").op('}').str("w").tensor("FloatStorage", "0", 2, 0, TWO, ONE).op('s', 's')
                .str("epoch").integer(5).op('s', '.').bytes();
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("data.pkl", pickle);
        entries.put("data/0", Archives.floats(1, 2));
        entries.put("data/1", Archives.floats(3, 4));
        Path file = write("wrapped.pth", Archives.zip(entries));
        assertArrayEquals(new float[] {1, 2}, Checkpoints.read(file, manager).tensors().get("w").toFloatArray());
    }

    @Test
    void checkpointWithoutTensorsIsReported() throws Exception {
        byte[] pickle = new PickleWriter().proto().op('}').str("epoch").integer(5).op('s').str("arch").str("resnest50").op('s', '.').bytes();
        Fixtures.assertRefused(zipWith(pickle), "no tensors found (top-level keys: 'epoch', 'arch')", manager);
    }

    @Test
    void torchSavedOsSystemIsRefused() {
        // os.system pickles as posix.system on Linux.
        Fixtures.assertRefused(Fixtures.path("evil_system_zip.pth"), "refuses to load posix.system: not part of a state dict", manager);
        Fixtures.assertRefused(Fixtures.path("evil_system_legacy.pth"), "refuses to load posix.system: not part of a state dict", manager);
    }

    @Test
    void torchSavedEvalIsRefused() {
        // Protocol 2 writes Python 3's builtins under their Python 2 name.
        Fixtures.assertRefused(Fixtures.path("evil_eval_zip.pth"), "refuses to load __builtin__.eval: not part of a state dict", manager);
    }

    @Test
    void trainingArgumentsAreNotStateDictContent() {
        Fixtures.assertRefused(Fixtures.path("with_namespace.pth"), "refuses to load argparse.Namespace", manager);
    }

    @Test
    void osSystemReduceIsRefusedInBothFormats() throws Exception {
        byte[] evil = new PickleWriter().proto().global("os", "system").str("echo pwned").op(0x85, 'R', '.').bytes();
        Fixtures.assertRefused(zipWith(evil), "refuses to load os.system: not part of a state dict", manager);
        byte[] legacy = PickleWriter.legacyHeader().raw(evil).bytes();
        Fixtures.assertRefused(write("legacy.pth", legacy), "refuses to load os.system: not part of a state dict", manager);
    }

    @Test
    void everyWayOfNamingAGlobalIsChecked() throws Exception {
        // STACK_GLOBAL (protocol 4) and INST (protocol 0) as well as GLOBAL.
        byte[] stackGlobal = new PickleWriter().proto().str("numpy.core.multiarray").str("_reconstruct").op(0x93, '.').bytes();
        Fixtures.assertRefused(zipWith(stackGlobal), "refuses to load numpy.core.multiarray._reconstruct", manager);
        byte[] inst = new PickleWriter().op('(').str("echo").raw("ios\nsystem\n".getBytes()).op('.').bytes();
        Fixtures.assertRefused(zipWith(inst), "refuses to load os.system", manager);
        // Merely naming a global is refused, even if it is never called.
        byte[] named = new PickleWriter().proto().op('}').str("x").global("builtins", "eval").op('s', '.').bytes();
        Fixtures.assertRefused(zipWith(named), "refuses to load builtins.eval", manager);
    }

    @Test
    void storageLargerThanItsEntryIsRefused() throws Exception {
        // A storage of 2^40 floats (4 TB) backed by an 8-byte entry.
        Path file = zipWith(PickleWriter.stateDict("FloatStorage", 1L << 40, 0, TWO, ONE));
        Fixtures.assertRefused(file, "storage 0 holds 8 bytes, the pickle declares 4398046511104", manager);
        // A tensor over 2 GB is refused while unpickling, before any storage is looked at.
        Path huge = zipWith(PickleWriter.stateDict("FloatStorage", 1L << 40, 0, new long[] {1L << 40}, ONE));
        Fixtures.assertRefused(huge, "tensor of size [1099511627776] is larger than 2 GB", manager);
    }

    @Test
    void tensorReachingPastItsStorageIsRefused() throws Exception {
        Fixtures.assertRefused(zipWith(PickleWriter.stateDict("FloatStorage", 2, 1, TWO, ONE)), "reaches past storage 0", manager);
        Fixtures.assertRefused(zipWith(PickleWriter.stateDict("FloatStorage", 2, 0, new long[] {1L << 62, 1L << 62}, new long[] {1, 1})),
                "invalid offset", manager);
        Fixtures.assertRefused(zipWith(PickleWriter.stateDict("FloatStorage", 2, 1, TWO, new long[] {-1})), "negative stride", manager);
    }

    @Test
    void missingStorageEntryIsReported() throws Exception {
        Path file = write("nostorage.pth", Archives.zip(PickleWriter.stateDict("FloatStorage", 2, 0, TWO, ONE), null));
        Fixtures.assertRefused(file, "storage 0 is missing (no data/0 in the archive)", manager);
    }

    @Test
    void lengthPrefixesBeyondTheInputAreRefusedBeforeAllocating() throws Exception {
        // BINBYTES8 / BINUNICODE8 claiming 2^40 bytes, BINUNICODE claiming 4 GB - 1.
        byte[] bytes8 = new PickleWriter().proto().op(0x8e).littleEndian(1L << 40, 8).op('.').bytes();
        Fixtures.assertRefused(zipWith(bytes8), "a value of 1099511627776 bytes is declared", manager);
        byte[] unicode8 = new PickleWriter().proto().op(0x8d).littleEndian(-1L, 8).op('.').bytes();
        Fixtures.assertRefused(zipWith(unicode8), "a value of 18446744073709551615 bytes is declared", manager);
        byte[] unicode = new PickleWriter().proto().op('X').littleEndian(0xffffffffL, 4).op('.').bytes();
        Fixtures.assertRefused(zipWith(unicode), "a value of 4294967295 bytes is declared", manager);
    }

    @Test
    void hugeTextNumberIsRefused() throws Exception {
        // BigInteger parses decimal text in quadratic time.
        byte[] digits = "9".repeat(1_000_000).getBytes();
        byte[] pickle = new PickleWriter().op('L').raw(digits).raw("L\n.".getBytes()).bytes();
        Fixtures.assertRefused(zipWith(pickle), "text number longer than", manager);
    }

    @Test
    void opcodeFloodIsCapped() throws Exception {
        PickleWriter flood = new PickleWriter().proto();
        for (int i = 0; i < 2_100_000; i++) {
            flood.op(']', '0'); // EMPTY_LIST, POP
        }
        Fixtures.assertRefused(zipWith(flood.op('N', '.').bytes()), "more than 4000000 opcodes", manager);
    }

    @Test
    void selfReferencingAndDeepStructuresDoNotOverflowTheStack() throws Exception {
        // A list that contains itself, used as a dict key: its hashCode would recurse forever.
        byte[] selfKey = new PickleWriter().proto().op('}', ']', 0x94, 'h', 0, 'a', 'N', 's', '.').bytes();
        Fixtures.assertRefused(zipWith(selfKey), "unsupported dict key of type ArrayList", manager);
        // A million nested lists as the whole checkpoint, and as the protocol-version pickle.
        PickleWriter deep = new PickleWriter().proto();
        for (int i = 0; i < 1_000_000; i++) {
            deep.op(']');
        }
        for (int i = 0; i < 999_999; i++) {
            deep.op('a');
        }
        byte[] nested = deep.op('.').bytes();
        Fixtures.assertRefused(zipWith(nested), "expected a dict of tensors, found a list", manager);
        Path deepProtocol = write("deep_protocol.pth", concat(firstPickle(PickleWriter.legacyHeader().bytes()), nested));
        Fixtures.assertRefused(deepProtocol, "unsupported PyTorch legacy protocol version a list", manager);
    }

    @Test
    void zipContainerProblems() throws Exception {
        byte[] pickle = PickleWriter.stateDict("FloatStorage", 2, 0, TWO, ONE);
        Map<String, byte[]> big = new LinkedHashMap<>(Map.of("data.pkl", pickle, "data/0", Archives.floats(1, 2)));
        big.put("byteorder", "big".getBytes());
        Fixtures.assertRefused(write("big.pth", Archives.zip(big)), "byte order 'big' is not supported", manager);

        Map<String, byte[]> script = new LinkedHashMap<>(Map.of("data.pkl", pickle, "code/__torch__.py", new byte[1]));
        Fixtures.assertRefused(write("script.pt", Archives.zip(script)), "is a TorchScript archive", manager);

        Map<String, byte[]> none = Map.of("weights.bin", new byte[8]);
        Fixtures.assertRefused(write("none.pth", Archives.zip(none)), "zip archive without data.pkl", manager);
    }

    @Test
    void legacyDataSectionMustMatchThePickle() throws Exception {
        byte[] object = PickleWriter.stateDict("FloatStorage", 2, 0, TWO, ONE);
        byte[] keys = new PickleWriter().proto().op(']', '(').str("0").op('e', '.').bytes();
        byte[] header = concat(PickleWriter.legacyHeader().bytes(), object, keys);
        byte[] good = concat(header, new PickleWriter().littleEndian(2, 8).bytes(), Archives.floats(3, 4));
        assertArrayEquals(new float[] {3, 4},
                Checkpoints.read(write("good.pth", good), manager).tensors().get("w").toFloatArray());

        byte[] wrongCount = concat(header, new PickleWriter().littleEndian(3, 8).bytes(), Archives.floats(3, 4, 5));
        Fixtures.assertRefused(write("count.pth", wrongCount), "storage 0 has 3 elements in the data section, the pickle declares 2", manager);
        byte[] shortData = concat(header, new PickleWriter().littleEndian(2, 8).bytes(), Archives.floats(3));
        Fixtures.assertRefused(write("short.pth", shortData), "truncated: storage 0 needs 8 bytes, 4 left", manager);
    }

    @Test
    void plainPickleIsNotATorchCheckpoint() throws Exception {
        byte[] pickle = new PickleWriter().proto().op('}', '.').bytes();
        Fixtures.assertRefused(write("plain.pkl", pickle), "not with PyTorch's magic number", manager);
    }

    private static byte[] firstPickle(byte[] legacy) {
        // The magic-number pickle is the first 15 bytes: PROTO 2, LONG1 10 bytes, STOP.
        return java.util.Arrays.copyOf(legacy, 15);
    }

    private static byte[] concat(byte[]... parts) {
        PickleWriter out = new PickleWriter();
        for (byte[] part : parts) {
            out.raw(part);
        }
        return out.bytes();
    }
}
