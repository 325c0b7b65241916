/**
 * What model bundles reuse from the inference bundle besides DJL itself: verified model files
 * ({@link org.finrec.inference.ModelFiles}), dynamic batching ({@link org.finrec.inference.DynamicBatcher}) and
 * the JVM's one training slot ({@link org.finrec.inference.TrainingSlot}).
 *
 * <p>The model lifecycle these support: a model bundle's component extracts and verifies its model files and loads
 * the model in its activation (a failure leaves the previous component, and so the previous model, serving), runs
 * it through a batcher whose worker thread owns its predictor (DJL predictors are not thread-safe), and closes both
 * in its deactivation.
 */
@Export
@Version("1.1.0")
package org.finrec.inference;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
