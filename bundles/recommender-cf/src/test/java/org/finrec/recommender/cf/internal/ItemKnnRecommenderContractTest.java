package org.finrec.recommender.cf.internal;

import org.finrec.api.data.Dataset;
import org.finrec.api.data.ProgressListener;
import org.finrec.api.spi.Recommender;
import org.finrec.api.spi.RecommenderContractTest;

class ItemKnnRecommenderContractTest extends RecommenderContractTest {

    private static final CfSettings SETTINGS = CfSettings.defaults(Algorithm.ITEM_KNN);

    @Override
    protected Recommender train(Dataset data) {
        return new CfRecommender("itemknn", SETTINGS.algorithm().trainer(SETTINGS).train(data, ProgressListener.NONE));
    }

    @Override
    protected void swapModel(Recommender recommender, Dataset data) {
        ((CfRecommender) recommender).serve(SETTINGS.algorithm().trainer(SETTINGS).train(data, ProgressListener.NONE));
    }
}
