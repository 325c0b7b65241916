/**
 * What bundles implement to plug into Finrec: {@link org.finrec.api.spi.Recommender} services hand out one
 * {@link org.finrec.api.spi.RequestScorer} per request, bound to one model snapshot, that scores products by
 * catalogue index and explains the scores; {@link org.finrec.api.spi.SuitabilityPolicy} services decide what may
 * be offered to whom.
 *
 * <p>Version 2.0.0 is a major change from 1.0.0 (made before Finrec 1.0): {@code Recommender.score} and
 * {@code Recommender.explain}, which read the serving model separately, became {@code Recommender.scorer}; the
 * never-published {@code Recommender.MODEL_VERSION} service property is gone.
 */
@Export
@Version("2.0.0")
package org.finrec.api.spi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
