package org.finrec.recommender.sequential.internal;

/**
 * How a training went, for the log and the benchmark: not part of the stored model.
 *
 * @param epochs epochs run
 * @param bestEpoch the epoch whose parameters were kept (1-based), 0 when no validation ran
 * @param validationHitRate HR@10 on the validation events at the best epoch, NaN without validation
 * @param validationNdcg NDCG@10 on the validation events at the best epoch, NaN without validation
 * @param seconds training time
 * @param secondsToBest training time until the end of the best epoch
 */
record TrainingReport(int epochs, int bestEpoch, double validationHitRate, double validationNdcg, double seconds,
        double secondsToBest) {

    /** The report of a model loaded from a file. */
    static final TrainingReport LOADED = new TrainingReport(0, 0, Double.NaN, Double.NaN, 0, 0);
}
