package org.finrec.recommender.cf.internal;

/**
 * One checked configuration of a collaborative-filtering component, whatever its algorithm: what the shared
 * {@link CfRecommender} needs to serve a model.
 *
 * @param pid the configuration's PID ({@code service.pid}), for the log
 * @param name the recommender's name ({@code finrec.recommender.name})
 * @param settings the algorithm and its hyper-parameters
 * @param datasetTarget the {@code dataset.target} filter, for messages
 * @param modelStore the {@code model.store} folder, or blank for none
 * @param modelVersion the {@code model.version}, or blank to train
 */
record CfSetup(String pid, String name, CfSettings settings, String datasetTarget, String modelStore,
        String modelVersion) {
}
