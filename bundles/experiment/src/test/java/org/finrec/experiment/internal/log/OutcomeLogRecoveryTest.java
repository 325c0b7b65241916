package org.finrec.experiment.internal.log;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.finrec.experiment.internal.log.LogTestSupport.appendBytes;
import static org.finrec.experiment.internal.log.LogTestSupport.await;
import static org.finrec.experiment.internal.log.LogTestSupport.flipByte;
import static org.finrec.experiment.internal.log.LogTestSupport.frameOffsets;
import static org.finrec.experiment.internal.log.LogTestSupport.record;
import static org.finrec.experiment.internal.log.LogTestSupport.replay;
import static org.finrec.experiment.internal.log.LogTestSupport.segmentFiles;
import static org.finrec.experiment.internal.log.LogTestSupport.settings;
import static org.finrec.experiment.internal.log.LogTestSupport.truncateBy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.finrec.experiment.internal.log.LogTestSupport.RecordingStateMachine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OutcomeLogRecoveryTest {

    @TempDir
    Path folder;

    /** Writes records 0..count-1 with the given segment size and returns them. */
    private List<LogRecord> write(int count, long segmentBytes) throws IOException {
        List<LogRecord> written = new ArrayList<>();
        try (OutcomeLog log = OutcomeLog.open(folder, new LogSettings(SyncPolicy.NONE, 0, segmentBytes, 1_024),
                new RecordingStateMachine())) {
            for (int i = 0; i < count; i++) {
                written.add(record(i));
                log.append(record(i));
            }
        }
        return written;
    }

    private Path lastSegment() throws IOException {
        List<Path> files = segmentFiles(folder);
        return files.get(files.size() - 1);
    }

    /** Opens the log, checks what it replays, appends one more record and checks the whole log again. */
    private void assertRecoversTo(List<LogRecord> expected) throws Exception {
        RecordingStateMachine state = new RecordingStateMachine();
        List<LogRecord> all = new ArrayList<>(expected);
        try (OutcomeLog log = OutcomeLog.open(folder, settings(SyncPolicy.EVERY_BATCH), state)) {
            assertEquals(expected, state.applied());
            all.add(record(9_999));
            assertTrue(await(log.append(record(9_999))));
        }
        assertEquals(all, replay(folder));
    }

    private CorruptLogException assertCorrupt(Path file, long offset, String problem) {
        CorruptLogException e = assertThrows(CorruptLogException.class,
                () -> OutcomeLog.open(folder, settings(SyncPolicy.NONE), new RecordingStateMachine()));
        assertEquals(file, e.file());
        assertEquals(offset, e.offset());
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("byte offset " + offset), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
        return e;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4, 8, 9, 20})
    void aRecordCutShortAtTheEndIsCutOff(int missingBytes) throws Exception {
        List<LogRecord> written = write(50, 1 << 20);
        Path segment = lastSegment();
        long lastFrame = frameOffsets(segment).get(49);
        truncateBy(segment, missingBytes);
        assertRecoversTo(written.subList(0, 49));
        assertEquals(lastFrame, frameOffsets(segment).get(49), "the new record starts where the torn one did");
    }

    @Test
    void aCutAtAFrameBoundaryLosesOnlyTheCutRecords() throws Exception {
        List<LogRecord> written = write(50, 1 << 20);
        Path segment = lastSegment();
        long size = Files.size(segment);
        truncateBy(segment, (int) (size - frameOffsets(segment).get(40))); // a clean end, nothing torn
        assertRecoversTo(written.subList(0, 40));
    }

    @ParameterizedTest
    @ValueSource(strings = {"random-3", "random-100", "random-5000", "zeros-4096", "length-only"})
    void garbageAfterTheLastRecordIsCutOff(String garbage) throws Exception {
        List<LogRecord> written = write(50, 1 << 20);
        Path segment = lastSegment();
        long validEnd = Files.size(segment);
        byte[] bytes;
        if (garbage.startsWith("random-")) {
            bytes = new byte[Integer.parseInt(garbage.substring(7))];
            new Random(garbage.hashCode()).nextBytes(bytes);
        } else if (garbage.startsWith("zeros-")) {
            bytes = new byte[Integer.parseInt(garbage.substring(6))];
        } else {
            bytes = ByteBuffer.allocate(8).putInt(200).putInt(0).array(); // a frame header without its payload
        }
        appendBytes(segment, bytes);
        assertRecoversTo(written);
        assertEquals(validEnd, frameOffsets(segment).get(50));
    }

    @Test
    void aBitFlipInTheCompleteLastRecordIsDamageNotATornTail() throws Exception {
        write(50, 1 << 20);
        Path segment = lastSegment();
        long lastFrame = frameOffsets(segment).get(49);
        flipByte(segment, Files.size(segment) - 3);

        CorruptLogException e = assertCorrupt(segment, lastFrame, "checksum mismatch");
        assertTrue(e.getMessage().contains("damaged afterwards"), e.getMessage());
        assertTrue(e.getMessage().contains("not cut short by a crash"), e.getMessage());
    }

    @Test
    void aLastRecordWhoseEndNeverReachedTheDiskIsATornTail() throws Exception {
        List<LogRecord> written = write(50, 1 << 20);
        Path segment = lastSegment();
        long size = Files.size(segment);
        long payload = frameOffsets(segment).get(49) + RecordCodec.FRAME_HEADER_BYTES;
        long pageStart = Math.max(payload, (size - 1) / 4_096 * 4_096);
        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.allocate((int) (size - pageStart)), pageStart); // its last page left as zeros
        }

        assertRecoversTo(written.subList(0, 49));
    }

    @Test
    void aQuarantinedSegmentIsKeptWholeAsideAndTheLogOpensWithItsValidPartAndEveryLaterSegment()
            throws Exception {
        List<LogRecord> written = write(300, 2_048);
        List<Path> segments = segmentFiles(folder);
        Path second = segments.get(1);
        List<Long> offsets = frameOffsets(second);
        long damaged = offsets.get(2);
        flipByte(second, damaged + RecordCodec.FRAME_HEADER_BYTES + 2);
        byte[] before = Files.readAllBytes(second);
        int inFirst = frameOffsets(segments.get(0)).size();
        CorruptLogException corrupt = assertCorrupt(second, damaged, "checksum mismatch");

        Path copy = OutcomeLog.quarantine(corrupt);
        if (folder.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(copy)),
                    "the copy holds customer ids");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(second)));
        }

        assertEquals(folder.resolve(OutcomeLog.QUARANTINE_FOLDER), copy.getParent());
        assertArrayEquals(before, Files.readAllBytes(copy), "the copy holds the segment as it was");
        assertEquals(damaged, Files.size(second), "cut back to the valid part");
        List<LogRecord> expected = new ArrayList<>(written.subList(0, inFirst + 2));
        expected.addAll(written.subList(inFirst + offsets.size(), written.size()));
        assertRecoversTo(expected);
    }

    @Test
    void aSegmentWithABadHeaderIsQuarantinedToAFreshHeader() throws Exception {
        List<LogRecord> written = write(300, 2_048);
        Path first = segmentFiles(folder).get(0);
        int inFirst = frameOffsets(first).size();
        flipByte(first, 0);

        OutcomeLog.quarantine(assertCorrupt(first, 0, "not an outcome log segment"));

        assertEquals(SegmentFiles.HEADER_BYTES, Files.size(first));
        assertRecoversTo(written.subList(inFirst, written.size()));
    }

    @Test
    void aBadChecksumInTheMiddleOfTheLastSegmentIsCorruption() throws Exception {
        write(50, 1 << 20);
        Path segment = lastSegment();
        long offset = frameOffsets(segment).get(30);
        flipByte(segment, offset + RecordCodec.FRAME_HEADER_BYTES + 2);
        long sizeBefore = Files.size(segment);
        CorruptLogException e = assertCorrupt(segment, offset, "checksum mismatch");
        assertTrue(e.getMessage().contains("a valid record follows at byte offset " + frameOffsets(segment).get(31)),
                e.getMessage());
        assertEquals(sizeBefore, Files.size(segment), "nothing is cut off");
        // the folder is not left locked by the failed open
        assertCorrupt(segment, offset, "checksum mismatch");
    }

    @Test
    void aBadLengthInTheMiddleOfTheLastSegmentIsCorruption() throws Exception {
        write(50, 1 << 20);
        Path segment = lastSegment();
        long offset = frameOffsets(segment).get(10);
        flipByte(segment, offset); // the length's high byte: a negative length
        assertCorrupt(segment, offset, "invalid payload length");
    }

    @Test
    void aBadRecordInAnEarlierSegmentIsCorruption() throws Exception {
        write(300, 2_048);
        List<Path> files = segmentFiles(folder);
        assertTrue(files.size() >= 3);
        Path second = files.get(1);
        List<Long> offsets = frameOffsets(second);
        long lastInSecond = offsets.get(offsets.size() - 1);
        flipByte(second, Files.size(second) - 1); // its last record, which would be a torn tail in the last segment
        assertCorrupt(second, lastInSecond, "not the last one");
    }

    @Test
    void garbageAfterAnEarlierSegmentIsCorruption() throws Exception {
        write(300, 2_048);
        Path first = segmentFiles(folder).get(0);
        long end = Files.size(first);
        appendBytes(first, new byte[] {0, 0, 0});
        assertCorrupt(first, end, "record header cut short (3 of 8 bytes)");
    }

    @Test
    void aSegmentCreatedButNeverWrittenIsRepaired() throws Exception {
        List<LogRecord> written = write(300, 2_048);
        int segments = segmentFiles(folder).size();
        Path next = folder.resolve(String.format("outcomes-%06d.log", segments + 1));
        Files.write(next, new byte[] {0x46, 0x52, 0x4F}); // a crash while its header was being written
        assertRecoversTo(written);
        assertEquals(segments + 1, segmentFiles(folder).size());
        assertEquals(List.of((long) SegmentFiles.HEADER_BYTES), frameOffsets(next), "the new record went there");
    }

    @Test
    void aZeroFilledLastSegmentIsRepaired() throws Exception {
        List<LogRecord> written = write(300, 2_048);
        Path next = folder.resolve(String.format("outcomes-%06d.log", segmentFiles(folder).size() + 1));
        Files.write(next, new byte[512]); // allocated, but the data never reached the disk
        assertRecoversTo(written);
    }

    @Test
    void aForeignOrNewerSegmentIsRefused() throws Exception {
        write(10, 1 << 20);
        Path segment = lastSegment();
        flipByte(segment, 7); // the format version's low byte
        assertCorrupt(segment, 0, "unsupported format version");
    }

    @Test
    void aMissingSegmentIsRefused() throws Exception {
        write(300, 2_048);
        Path second = segmentFiles(folder).get(1);
        Files.delete(second);
        IOException e = assertThrows(IOException.class,
                () -> OutcomeLog.open(folder, settings(SyncPolicy.NONE), new RecordingStateMachine()));
        assertTrue(e.getMessage().contains("outcomes-000001.log followed by outcomes-000003.log"), e.getMessage());
    }

    @Test
    void unrelatedFilesInTheFolderAreIgnored() throws Exception {
        List<LogRecord> written = write(20, 1 << 20);
        Files.writeString(folder.resolve("README.txt"), "not a segment");
        Files.writeString(folder.resolve("outcomes-1.log"), "not a segment name either");
        assertRecoversTo(written);
    }
}
