package org.finrec.api.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A model file that cannot be written, found or read. The message starts with the file (or, for a name that
 * cannot be a file of the store, the store's folder) and says what is wrong; {@link #problem()} classifies it.
 */
public class ModelFileException extends IOException {

    private static final long serialVersionUID = 1L;

    /** What is wrong with a model file. */
    public enum Problem {
        /** A recommender name or version that cannot name a file of the store. */
        INVALID_NAME,
        /** No file holds the version asked for. */
        MISSING,
        /** A version prefix that more than one stored version starts with. */
        AMBIGUOUS,
        /** The file exists but the operating system would not read it. */
        UNREADABLE,
        /** The file ends before the length its header declares. */
        TRUNCATED,
        /** The bytes are damaged: not a model file, a checksum or content-hash mismatch, or an undecodable payload. */
        CORRUPT,
        /** The file's name is not the version its content says (a renamed file). */
        RENAMED,
        /** An intact file of another model type or codec format version than the one asked for. */
        MISMATCHED,
        /** The file could not be written. */
        UNWRITABLE
    }

    private final transient Path file;
    private final Problem problem;

    /**
     * Creates the exception.
     *
     * @param file the file concerned, not null
     * @param problem what kind of problem, not null
     * @param detail what is wrong, in words, not null
     */
    public ModelFileException(Path file, Problem problem, String detail) {
        this(file, problem, detail, null);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param file the file concerned, not null
     * @param problem what kind of problem, not null
     * @param detail what is wrong, in words, not null
     * @param cause the underlying failure, or null
     */
    public ModelFileException(Path file, Problem problem, String detail, Throwable cause) {
        super(Objects.requireNonNull(file, "file") + ": " + detail, cause);
        this.file = file;
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    /**
     * Returns the file concerned.
     *
     * @return the file, or the store's folder for an invalid name; null only after deserialisation
     */
    public Path file() {
        return file;
    }

    /**
     * Returns what kind of problem this is.
     *
     * @return the problem, never null
     */
    public Problem problem() {
        return problem;
    }
}
