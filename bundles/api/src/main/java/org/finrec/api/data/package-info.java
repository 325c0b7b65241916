/**
 * Training inputs and the training SPI: a read-only, int-indexed {@link org.finrec.api.data.Dataset} view of
 * customers, products and interactions, and {@link org.finrec.api.data.Trainer}s that turn a dataset into an
 * immutable {@link org.finrec.api.data.Model}; {@link org.finrec.api.data.CustomerHistories} gives sequential models
 * each customer's time-ordered events as an {@link org.finrec.api.data.EventSequence}.
 */
@Export
@Version("1.1.0")
package org.finrec.api.data;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
