/**
 * What a host calls: the {@link org.finrec.api.recommend.RecommendationService} facade, its requests and
 * responses, and the reason vocabulary that every recommender family and suitability policy shares.
 *
 * <p>All value types here are immutable and thread-safe.
 */
@Export
@Version("1.0.1")
package org.finrec.api.recommend;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
