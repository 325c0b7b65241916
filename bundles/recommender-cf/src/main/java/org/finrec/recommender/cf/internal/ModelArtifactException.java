package org.finrec.recommender.cf.internal;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A model artifact that cannot be written or read: missing, unreadable, truncated, corrupt, of another format or
 * algorithm, or not the version its name says. The message starts with the file and says what is wrong.
 */
final class ModelArtifactException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;

    ModelArtifactException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
    }

    ModelArtifactException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
    }

    /** The artifact concerned. */
    Path file() {
        return file;
    }
}
