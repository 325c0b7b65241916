package org.finrec.api.data;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * An immutable trained model. Recommenders share one model between all requests and replace the reference
 * atomically when a new model arrives.
 */
@ConsumerType
public interface Model {

    /**
     * Returns the model's version: stable for the same training data and parameters, different otherwise.
     *
     * @return a non-blank version
     */
    String version();
}
