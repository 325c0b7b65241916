package org.finrec.experiment.internal.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The segment files of a log folder: {@code outcomes-000001.log}, {@code outcomes-000002.log}, ... Each starts with
 * an 8-byte header, the magic {@code "FROL"} and the format version as big-endian ints, followed by frames (see
 * {@link RecordCodec}).
 */
final class SegmentFiles {

    static final int MAGIC = 0x46524F4C; // "FROL"
    static final int FORMAT_VERSION = 1;
    static final int HEADER_BYTES = 8;

    private static final Pattern NAME = Pattern.compile("outcomes-(\\d{6,18})\\.log");

    /** A segment file and its number. */
    record Segment(long number, Path file) {
    }

    private SegmentFiles() {
    }

    static Path path(Path folder, long number) {
        return folder.resolve(String.format("outcomes-%06d.log", number));
    }

    /**
     * The folder's segments in order.
     *
     * @throws IOException if the numbers are not consecutive: a segment is missing
     */
    static List<Segment> list(Path folder) throws IOException {
        List<Segment> segments = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            files.forEach(file -> {
                Matcher name = NAME.matcher(file.getFileName().toString());
                if (name.matches()) {
                    segments.add(new Segment(Long.parseLong(name.group(1)), file));
                }
            });
        }
        segments.sort(Comparator.comparingLong(Segment::number));
        for (int i = 1; i < segments.size(); i++) {
            if (segments.get(i).number() != segments.get(i - 1).number() + 1) {
                throw new IOException("outcome log folder " + folder + " has " + segments.get(i - 1).file().getFileName()
                        + " followed by " + segments.get(i).file().getFileName() + ": a segment is missing or doubled");
            }
        }
        return segments;
    }

    /** A fresh header, ready to write. */
    static ByteBuffer header() {
        return ByteBuffer.allocate(HEADER_BYTES).putInt(MAGIC).putInt(FORMAT_VERSION).flip();
    }

    /** What is wrong with a header, or {@code null} if it is valid. */
    static String headerProblem(int magic, int version) {
        if (magic != MAGIC) {
            return String.format("not an outcome log segment (magic 0x%08X, expected 0x%08X)", magic, MAGIC);
        }
        if (version != FORMAT_VERSION) {
            return "unsupported format version " + version + " (this build reads version " + FORMAT_VERSION + ")";
        }
        return null;
    }

    /** Makes a new file's directory entry durable where the platform allows forcing a directory. */
    static void syncFolder(Path folder) {
        try (FileChannel directory = FileChannel.open(folder, StandardOpenOption.READ)) {
            directory.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Windows cannot open a directory as a channel; its file systems journal the entry anyway
        }
    }
}
