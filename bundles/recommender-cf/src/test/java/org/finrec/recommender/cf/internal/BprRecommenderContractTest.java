package org.finrec.recommender.cf.internal;

import org.finrec.api.data.Dataset;
import org.finrec.api.data.ProgressListener;
import org.finrec.api.spi.Recommender;
import org.finrec.api.spi.RecommenderContractTest;

class BprRecommenderContractTest extends RecommenderContractTest {

    @Override
    protected Recommender train(Dataset data) {
        CfSettings settings = CfSettings.defaults(Algorithm.BPR);
        return new CfRecommender("bpr", settings.algorithm().trainer(settings).train(data, ProgressListener.NONE),
                settings.positiveKinds());
    }
}
