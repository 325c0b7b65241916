/**
 * Per-variant statistics: Wilson intervals of rates for display, and the comparison of a variant with the control
 * with the customer as the unit of randomisation (a ratio over customers, {@link
 * org.finrec.experiment.internal.stats.ClusterSums}, kept one impression at a time by {@link
 * org.finrec.experiment.internal.stats.CustomerClusters}, with the delta method's variance), a fixed-horizon
 * p-value and an always-valid (mSPRT) one, in {@link org.finrec.experiment.internal.stats.ProportionStatistics}.
 * Private to the bundle.
 */
package org.finrec.experiment.internal.stats;
