/**
 * Files that hold customer data (model files, the outcome log): {@link org.finrec.api.storage.PrivateFiles} creates
 * them, and the folders Finrec makes for them, readable and writable by their owner only.
 */
@Export
@Version("1.0.0")
package org.finrec.api.storage;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
