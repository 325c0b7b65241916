package org.finrec.api.data;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Receives progress reports from long steps (import, training, evaluation). Implementations must be
 * thread-safe and quick; they are called from the working thread.
 */
@ConsumerType
@FunctionalInterface
public interface ProgressListener {

    /** A listener that ignores every report. */
    ProgressListener NONE = (step, done, total) -> { };

    /**
     * Reports progress.
     *
     * @param step what is being done, for example "counting holdings"
     * @param done units done so far, 0 or more
     * @param total units in all, or -1 when unknown
     */
    void progress(String step, long done, long total);
}
