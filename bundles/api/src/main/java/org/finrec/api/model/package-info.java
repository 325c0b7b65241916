/**
 * The model lifecycle every recommender family shares: a {@link org.finrec.api.model.ModelStore} of versioned model
 * files written atomically, one {@link org.finrec.api.model.ModelCodec} per model type, the model's identity as a
 * content hash ({@link org.finrec.api.model.ModelVersion}) and its {@link org.finrec.api.model.ModelLineage}
 * (trainer, parameters, training dataset and its {@link org.finrec.api.model.DatasetFingerprint fingerprint},
 * creation time, Finrec version) readable without decoding the model.
 *
 * <p>A recommender persists a trained model with {@code store.save(name, model, codec, lineage)} and serves a stored
 * one with {@code store.load(name, version, codec)}; the configuration's {@code model.version} names which, so that
 * rolling back is a configuration change. Every damaged or mismatched file is refused with a
 * {@link org.finrec.api.model.ModelFileException} that names the file and the problem.
 */
@Export
@Version("1.1.0")
package org.finrec.api.model;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
