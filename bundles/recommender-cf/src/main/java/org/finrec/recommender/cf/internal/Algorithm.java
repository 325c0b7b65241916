package org.finrec.recommender.cf.internal;

import org.finrec.api.data.Trainer;
import org.finrec.api.model.ModelCodec;

/** The collaborative-filtering algorithms, each with its trainer. */
enum Algorithm {
    /** User-based k nearest neighbours: what similar customers have. */
    USER_KNN,
    /** Item-based k nearest neighbours: what goes with what the customer has. */
    ITEM_KNN,
    /** Implicit alternating least squares (Hu, Koren and Volinsky 2008) with conjugate-gradient solves. */
    ALS,
    /** Bayesian personalised ranking (Rendle et al. 2009) with stochastic gradient descent. */
    BPR;

    /** The codec that stores this algorithm's models. */
    ModelCodec<CfModel> codec() {
        switch (this) {
            case USER_KNN:
                return UserKnnCodec.CODEC;
            case ITEM_KNN:
                return ItemKnnCodec.CODEC;
            case ALS:
                return AlsCodec.CODEC;
            default:
                return BprCodec.CODEC;
        }
    }

    Trainer<CfModel> trainer(CfSettings settings) {
        switch (this) {
            case USER_KNN:
                return new UserKnnTrainer(settings);
            case ITEM_KNN:
                return new ItemKnnTrainer(settings);
            case ALS:
                return new AlsTrainer(settings);
            default:
                return new BprTrainer(settings);
        }
    }
}
