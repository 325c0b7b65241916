/**
 * Per-variant statistics: Wilson intervals of rates and the comparison of a variant with the control, with a
 * fixed-horizon p-value and an always-valid (mSPRT) one, in
 * {@link org.finrec.experiment.internal.stats.ProportionStatistics}. Private to the bundle.
 */
package org.finrec.experiment.internal.stats;
