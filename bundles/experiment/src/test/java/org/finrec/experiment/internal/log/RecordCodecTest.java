package org.finrec.experiment.internal.log;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.finrec.experiment.internal.log.LogRecord.FailureRecord;
import org.finrec.experiment.internal.log.LogRecord.ImpressionRecord;
import org.junit.jupiter.api.Test;

class RecordCodecTest {

    private static LogRecord decodeFrame(byte[] frame) throws IOException {
        ByteBuffer header = ByteBuffer.wrap(frame);
        int length = header.getInt(0);
        assertEquals(frame.length - RecordCodec.FRAME_HEADER_BYTES, length, "length field");
        assertEquals(RecordCodec.checksum(frame, RecordCodec.FRAME_HEADER_BYTES, length), header.getInt(4),
                "checksum field");
        return RecordCodec.decode(frame, RecordCodec.FRAME_HEADER_BYTES, length);
    }

    @Test
    void everyRecordTypeRoundTrips() throws IOException {
        for (LogRecord record : LogTestSupport.oneOfEach()) {
            assertEquals(record, decodeFrame(RecordCodec.frame(record)));
        }
    }

    @Test
    void payloadIsDataOutputStreamEncoding() throws IOException {
        FailureRecord record = new FailureRecord(42L, "r", "e", "v", "why");
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(expected)) {
            out.writeByte(3);
            out.writeLong(42L);
            out.writeUTF("r");
            out.writeUTF("e");
            out.writeUTF("v");
            out.writeUTF("why");
        }
        byte[] frame = RecordCodec.frame(record);
        assertArrayEquals(expected.toByteArray(),
                Arrays.copyOfRange(frame, RecordCodec.FRAME_HEADER_BYTES, frame.length));
    }

    @Test
    void stringsLongerThanModifiedUtf8AllowsAreRefused() {
        String tooLong = "x".repeat(65_536);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RecordCodec.frame(new FailureRecord(1, "r", "e", "v", tooLong)));
        assertTrue(e.getMessage().contains("FailureRecord"), e.getMessage());
        RecordCodec.frame(new FailureRecord(1, "r", "e", "v", "x".repeat(65_535))); // the limit itself is fine
    }

    @Test
    void recordsLargerThanTheFrameLimitAreRefused() {
        List<String> products = new ArrayList<>();
        for (int i = 0; i < 40_000; i++) {
            products.add("product-with-a-long-identifier-" + i);
        }
        ImpressionRecord huge = new ImpressionRecord(1, "r", "c", "e", "v", "", false, products, "s");
        assertThrows(IllegalArgumentException.class, () -> RecordCodec.frame(huge));
    }

    @Test
    void malformedPayloadsAreReported() {
        byte[] frame = RecordCodec.frame(new FailureRecord(1, "r", "e", "v", "why"));
        int length = frame.length - RecordCodec.FRAME_HEADER_BYTES;
        IOException shortPayload = assertThrows(IOException.class,
                () -> RecordCodec.decode(frame, RecordCodec.FRAME_HEADER_BYTES, length - 1));
        assertTrue(shortPayload.getMessage().contains("ends inside a field"), shortPayload.getMessage());

        byte[] longer = Arrays.copyOf(frame, frame.length + 1);
        IOException trailing = assertThrows(IOException.class,
                () -> RecordCodec.decode(longer, RecordCodec.FRAME_HEADER_BYTES, length + 1));
        assertTrue(trailing.getMessage().contains("1 unexpected bytes"), trailing.getMessage());

        frame[RecordCodec.FRAME_HEADER_BYTES] = 99;
        IOException unknown = assertThrows(IOException.class,
                () -> RecordCodec.decode(frame, RecordCodec.FRAME_HEADER_BYTES, length));
        assertTrue(unknown.getMessage().contains("unknown record type 99"), unknown.getMessage());
    }
}
