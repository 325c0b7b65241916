/**
 * Threads for Finrec's bundles: {@link org.finrec.api.concurrent.NamedThreads} makes the daemon threads of their
 * pools and background workers, each with a name that says whose it is (seen in thread dumps and logs), so that no
 * bundle writes its own thread factory.
 */
@Export
@Version("1.0.0")
package org.finrec.api.concurrent;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
