/**
 * Model inference that recommender bundles share: the {@link org.finrec.api.inference.InferenceRuntime} (which
 * engine and device run models) and the {@link org.finrec.api.inference.TextEncoder} (sentence embeddings of product
 * descriptions, reviews, session text and free-text intent).
 *
 * <p>Bundles that run their own networks import the Deep Java Library packages ({@code ai.djl.*}) that the
 * inference bundle exports; these interfaces are for the rest, which need no DJL types.
 */
@Export
@Version("1.0.0")
package org.finrec.api.inference;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
