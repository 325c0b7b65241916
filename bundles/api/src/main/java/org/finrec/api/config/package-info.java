/**
 * Reading a component's configuration so that a bad setting is refused where it arrives: a
 * {@link org.finrec.api.config.ConfigurationReader} reads typed, bounded values from the properties Declarative
 * Services hands a component, and refuses a missing-where-required, malformed or out-of-range value with an
 * {@link org.finrec.api.config.InvalidConfigurationException} that names the PID, the property, the value and the
 * allowed range. A component reads its whole configuration before it applies any of it, so that a refused change
 * leaves the previous configuration serving.
 */
@Export
@Version("1.1.0")
package org.finrec.api.config;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
