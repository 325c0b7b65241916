package org.finrec.recommender.cf.internal;

import org.finrec.api.data.Trainer;

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
