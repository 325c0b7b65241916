/**
 * A/B experiments on recommenders: which variant serves a request ({@link org.finrec.api.experiment.Assignment}),
 * the outcomes a host reports for what it showed ({@link org.finrec.api.experiment.Outcome}), and the statistics
 * per variant ({@link org.finrec.api.experiment.ExperimentReport}).
 *
 * <p>All value types here are immutable and thread-safe.
 */
@Export
@Version("1.0.0")
package org.finrec.api.experiment;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
