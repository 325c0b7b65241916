package org.finrec.recommender.cf.internal;

import org.finrec.api.data.Dataset;
import org.finrec.api.data.ProgressListener;
import org.finrec.api.spi.Recommender;
import org.finrec.api.spi.RecommenderContractTest;

class BprRecommenderContractTest extends RecommenderContractTest {

    private static final CfSettings SETTINGS = CfSettings.defaults(Algorithm.BPR);

    @Override
    protected Recommender train(Dataset data) {
        return new CfRecommender("bpr", SETTINGS.algorithm().trainer(SETTINGS).train(data, ProgressListener.NONE));
    }

    @Override
    protected void swapModel(Recommender recommender, Dataset data) {
        ((CfRecommender) recommender).serve(SETTINGS.algorithm().trainer(SETTINGS).train(data, ProgressListener.NONE));
    }
}
