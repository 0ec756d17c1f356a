package org.splitscope.checkpoint;

/**
 * Thrown inside the unpickler (whose hooks cannot throw checked exceptions) when a pickle breaks
 * the rules; the message is shown to the user as-is, after the file name.
 */
final class PickleRefusal extends RuntimeException {
    PickleRefusal(String message) {
        super(message, null, false, false);
    }
}
