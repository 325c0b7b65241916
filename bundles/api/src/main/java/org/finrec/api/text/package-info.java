/**
 * Retrieval of products by text: the {@link org.finrec.api.text.ProductTextIndex} over the catalogue's names,
 * descriptions and attributes, by keywords (BM25), by meaning (nearest neighbours of sentence embeddings) or both.
 *
 * <p>All value types here are immutable and thread-safe.
 */
@Export
@Version("1.0.0")
package org.finrec.api.text;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
