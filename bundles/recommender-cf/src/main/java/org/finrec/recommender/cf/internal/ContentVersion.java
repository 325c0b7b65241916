package org.finrec.recommender.cf.internal;

import org.finrec.api.model.ModelVersion;

/**
 * A collaborative-filtering model's version: the content hash of its encoding by its algorithm's codec (see
 * {@link ModelVersion}). A model loaded from a file knows it from the file, which the store has verified; a model
 * trained here works it out the first time it is asked, by encoding itself into the hash once. Thread-safe: two
 * threads asking at once may both compute it, and get the same.
 */
final class ContentVersion {

    private volatile String value;

    /**
     * @param known the version of a loaded model, or null for a model trained here
     */
    ContentVersion(String known) {
        this.value = known;
    }

    String of(CfModel model) {
        String known = value;
        if (known == null) {
            known = ModelVersion.of(model, model.algorithm().codec());
            value = known;
        }
        return known;
    }
}
