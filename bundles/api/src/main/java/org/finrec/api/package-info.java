/**
 * Finrec domain types: customers, financial products, interactions and the product catalog.
 *
 * <p>All types in this package are immutable value objects and safe to share between threads.
 */
@Export
@Version("2.0.0")
package org.finrec.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
