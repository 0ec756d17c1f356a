package org.splitscope.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Formats told apart by their first bytes, where two could be confused. */
class FormatDetectionTest {

    /** A safetensors header of 0x2480 bytes starts with 0x80, pickle's PROTO opcode. */
    @Test
    void safetensorsWhoseHeaderLengthStartsWithTheProtoOpcode() {
        byte[] head = {(byte) 0x80, 0x24, 0, 0, 0, 0, 0, 0, '{', '"'};
        assertEquals(Checkpoints.Format.SAFETENSORS, Checkpoints.Format.detect(head));
    }

    /** torch.save's legacy format: PROTO 2, then the magic number as a LONG1. */
    @Test
    void legacyPickle() {
        byte[] head = {(byte) 0x80, 0x02, (byte) 0x8a, 0x0a, 0x6c, (byte) 0xfc, (byte) 0x9c, 0x46, (byte) 0xf9, 0x20};
        assertEquals(Checkpoints.Format.TORCH_LEGACY, Checkpoints.Format.detect(head));
    }
}
