package org.splitscope.checkpoint;

import java.io.IOException;
import java.nio.file.Path;
import net.razorvine.pickle.PickleException;

/** Runs {@link TorchUnpickler} and turns whatever a broken pickle causes into a one-line message. */
final class TorchPickles {
    private TorchPickles() {}

    /**
     * @param what names the pickle in messages, e.g. "data.pkl"
     * @param storages resolves persistent ids, or null where none are allowed
     */
    static Object load(Path file, PickleInput in, StorageTable storages, String what) throws CheckpointException {
        try {
            return new TorchUnpickler(in, storages).load();
        } catch (PickleRefusal e) {
            throw new CheckpointException(file, e.getMessage());
        } catch (IOException e) {
            // razorvine reports the end of input as "premature end of file".
            throw new CheckpointException(file, "truncated: " + what + " ends before its STOP opcode", e);
        } catch (RuntimeException e) {
            // razorvine's PickleException, wrong types on the stack (ClassCastException), a missing MARK, a bad memo index, ...
            throw new CheckpointException(file, "damaged pickle in " + what + " (" + describe(e) + ")", e);
        }
    }

    /** razorvine's own messages are readable; Java's (ClassCastException, ...) are not. */
    private static String describe(RuntimeException e) {
        if (e instanceof PickleException && e.getMessage() != null) {
            return Messages.printable(e.getMessage().lines().findFirst().orElse(""));
        }
        return "opcodes that do not fit together";
    }
}
