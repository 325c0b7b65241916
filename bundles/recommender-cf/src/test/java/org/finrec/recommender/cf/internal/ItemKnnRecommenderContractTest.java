package org.finrec.recommender.cf.internal;

import org.finrec.api.data.Dataset;
import org.finrec.api.data.ProgressListener;
import org.finrec.api.spi.Recommender;
import org.finrec.api.spi.RecommenderContractTest;

class ItemKnnRecommenderContractTest extends RecommenderContractTest {

    @Override
    protected Recommender train(Dataset data) {
        CfSettings settings = CfSettings.defaults(Algorithm.ITEM_KNN);
        return new CfRecommender("itemknn", settings.algorithm().trainer(settings).train(data, ProgressListener.NONE),
                settings.positiveKinds());
    }
}
