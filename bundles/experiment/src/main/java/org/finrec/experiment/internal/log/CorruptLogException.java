package org.finrec.experiment.internal.log;

import java.io.IOException;
import java.nio.file.Path;

/**
 * {@link OutcomeLog#open} found a bad record or header that a crash during a write cannot explain: anywhere but at
 * the end of the last segment file. The log refuses to open rather than drop the records after it.
 */
public class CorruptLogException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final long offset;
    private final String problem;

    /**
     * @param file    the segment file
     * @param offset  the byte offset in {@code file} where the bad record or header starts
     * @param problem what is wrong there
     */
    public CorruptLogException(Path file, long offset, String problem) {
        super("outcome log segment " + file + " is corrupt at byte offset " + offset + ": " + problem);
        this.file = file;
        this.offset = offset;
        this.problem = problem;
    }

    /** What is wrong at {@link #offset()}, without the file and offset. */
    public String problem() {
        return problem;
    }

    /** The segment file. */
    public Path file() {
        return file;
    }

    /** The byte offset in {@link #file()} where the bad record or header starts. */
    public long offset() {
        return offset;
    }
}
