package org.finrec.recommender.cf.internal;

import org.finrec.api.data.Dataset;
import org.finrec.api.data.ProgressListener;
import org.finrec.api.spi.Recommender;
import org.finrec.api.spi.RecommenderContractTest;

class AlsRecommenderContractTest extends RecommenderContractTest {

    @Override
    protected Recommender train(Dataset data) {
        CfSettings settings = CfSettings.defaults(Algorithm.ALS);
        return new CfRecommender("als", settings.algorithm().trainer(settings).train(data, ProgressListener.NONE),
                settings.positiveKinds());
    }
}
