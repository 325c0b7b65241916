/**
 * Offline evaluation the way the research does it: {@link org.finrec.eval.Splitter}s turn a dataset into a
 * {@link org.finrec.eval.Split} (temporal, leave-one-out, per-user random, masked holdings, new customers, new
 * products, or separate train and test files), {@link org.finrec.eval.RankingMetric}s score top-k lists, and the
 * {@link org.finrec.eval.Evaluator} ranks all items for every test case with a
 * {@link org.finrec.api.spi.Recommender} and reports the metrics. A {@link org.finrec.eval.PropensityTask} measures
 * the {@link org.finrec.eval.Auc} of one product's scores for held-out customers, warm or cold-start.
 *
 * <p>All types are immutable or stateless and thread-safe.
 */
@Export
@Version("1.1.0")
package org.finrec.eval;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
