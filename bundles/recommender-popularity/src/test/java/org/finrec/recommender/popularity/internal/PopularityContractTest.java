package org.finrec.recommender.popularity.internal;

import java.util.Set;
import org.finrec.api.InteractionKind;
import org.finrec.api.data.Dataset;
import org.finrec.api.data.ProgressListener;
import org.finrec.api.spi.Recommender;
import org.finrec.api.spi.RecommenderContractTest;

class PopularityContractTest extends RecommenderContractTest {

    private static PopularityModel model(Dataset data) {
        return new PopularityTrainer("segment", 50, Set.of(InteractionKind.PURCHASE, InteractionKind.HOLD))
                .train(data, ProgressListener.NONE);
    }

    @Override
    protected Recommender train(Dataset data) {
        return new PopularityRecommender("popularity", model(data));
    }

    @Override
    protected void swapModel(Recommender recommender, Dataset data) {
        ((PopularityRecommender) recommender).serve(model(data));
    }
}
