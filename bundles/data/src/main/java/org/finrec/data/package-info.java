/**
 * Reading bank data into {@link org.finrec.api.data.Dataset}s: one {@link org.finrec.data.DatasetReader} per
 * {@link org.finrec.data.DatasetFormat}, options for strict or lenient reading, and errors that name the file,
 * line and field at fault; plus the Santander product catalogue.
 *
 * <p>Readers are thread-safe and stateless; every dataset they return is immutable.
 */
@Export
@Version("1.1.0")
package org.finrec.data;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
