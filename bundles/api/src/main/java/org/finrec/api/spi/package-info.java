/**
 * What bundles implement to plug into Finrec: {@link org.finrec.api.spi.Recommender} services score products,
 * {@link org.finrec.api.spi.SuitabilityPolicy} services decide what may be offered to whom.
 */
@Export
@Version("1.0.0")
package org.finrec.api.spi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
