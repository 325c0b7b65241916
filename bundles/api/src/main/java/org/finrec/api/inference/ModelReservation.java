package org.finrec.api.inference;

import org.osgi.annotation.versioning.ProviderType;

/** Room reserved for one model in the {@link InferenceRuntime}'s memory budget, held while the model is loaded. */
@ProviderType
public interface ModelReservation extends AutoCloseable {

    /**
     * Returns the bytes this reservation holds.
     *
     * @return the bytes, 0 once closed
     */
    long bytes();

    /** Gives the room back; closing a closed reservation does nothing. */
    @Override
    void close();
}
