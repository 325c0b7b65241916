package org.finrec.recommender.cf.internal;

import java.util.Arrays;
import java.util.List;
import org.finrec.api.model.ContentVersion;
import org.finrec.api.recommend.Reason;

/**
 * An implicit-ALS model (Hu, Koren and Volinsky 2008): the product factors, their Gram matrix, and the confidence and
 * regularisation they were learnt with. Immutable and thread-safe.
 *
 * <p>A customer is scored by solving their vector exactly from the products they have now ("fold-in"): with
 * {@code J} the held products, {@code c = 1 + alpha} and {@code A = YᵀY + Σ_{j∈J} (c−1) y_j y_jᵀ + λ_J I},
 * {@code x = A⁻¹ Σ_{j∈J} c y_j} (Cholesky of the {@code f x f} matrix), and product {@code i} scores
 * {@code y_iᵀ x}. The same equation trained every customer row, so a training customer's fold-in is the learnt
 * vector (up to the few conjugate-gradient steps of training); folding in always makes the score respect the
 * customer's current holdings and makes the explanation exact: the score is
 * {@code Σ_{j∈J} c y_iᵀ A⁻¹ y_j}, one term per held product (Hu et al. §5). (Scoring training customers with
 * their learnt vectors instead gave the same accuracy on MovieLens-100k, NDCG@10 0.4470 against 0.4471, so the
 * learnt customer vectors serve only as the training's warm starts and the model does not keep them: 200 MB saved
 * per million customers at 50 factors.) The ridge {@code λ_J} is {@code λ·|J|} when the
 * model was trained with λ scaled per entry, else {@code λ}. A customer with no products gets no score (NaN), so
 * that the facade's fallback serves them. The last fold-in is kept, so that explaining the products of one
 * ranking solves the customer's system once.
 */
final class AlsModel implements CfModel {

    private final ContentVersion version;
    private final FeedbackMatrix matrix;
    private final DenseFactors items;
    private final double[] itemGram;
    private final int factors;
    private final double alpha;
    private final double confidence;
    private final double lambda;
    private final boolean lambdaPerEntry;
    /** The last customer solved, reused while requests describe the same customer; replaced atomically. */
    private volatile Solved last;

    AlsModel(String version, FeedbackMatrix matrix, DenseFactors items,
            double[] itemGram, double alpha, double lambda, boolean lambdaPerEntry) {
        this.version = new ContentVersion(version);
        this.matrix = matrix;
        this.items = items;
        this.itemGram = itemGram.clone();
        this.factors = items.factors();
        if (items.rows() != matrix.items()
                || itemGram.length != factors * factors) {
            throw new IllegalArgumentException("factors and Gram matrix do not match "
                    + matrix.items() + " products and " + factors + " factors");
        }
        this.alpha = alpha;
        this.confidence = 1 + alpha;
        this.lambda = lambda;
        this.lambdaPerEntry = lambdaPerEntry;
    }

    @Override
    public String version() {
        return version.of(this, Algorithm.ALS.codec());
    }

    @Override
    public FeedbackMatrix matrix() {
        return matrix;
    }

    @Override
    public Algorithm algorithm() {
        return Algorithm.ALS;
    }

    DenseFactors items() {
        return items;
    }

    /** {@code YᵀY} (the model's own array, for the model store: never modify). */
    double[] itemGram() {
        return itemGram;
    }

    /**
     * The alpha of the confidence {@code c = 1 + alpha} of a positive entry, as given (the model store keeps alpha,
     * not {@code c}, since {@code (1 + alpha) - 1} need not give alpha back bit for bit).
     */
    double alpha() {
        return alpha;
    }

    double lambda() {
        return lambda;
    }

    boolean lambdaPerEntry() {
        return lambdaPerEntry;
    }

    /** The ridge of a row with {@code entries} positive entries: λ, or λ·entries when scaled per entry. */
    static double ridge(double lambda, boolean perEntry, int entries) {
        return perEntry ? lambda * entries : lambda;
    }

    @Override
    public Explainer score(int knownUser, int[] positiveItems, float[] scores) {
        if (positiveItems.length == 0) {
            Arrays.fill(scores, Float.NaN);
            return (item, score) -> List.of();
        }
        Solved solved = foldIn(positiveItems);
        items.multiply(solved.vector, scores);
        return (item, score) -> Double.isFinite(score)
                ? FactorReasons.perHeldProduct(matrix, solved.positiveItems, contributions(solved, item), item, score)
                : List.of();
    }

    /**
     * The solved system of a customer: their products, the factorised {@code A} and {@code x = A⁻¹ Σ c y_j}.
     * Never modified once built.
     */
    private record Solved(int[] positiveItems, Cholesky system, double[] vector) {
    }

    /** The vector a customer with these products gets (a copy). */
    double[] vector(int[] positiveItems) {
        return foldIn(positiveItems).vector.clone();
    }

    /** Solves a customer's vector from the products they have, as a training sweep would, exactly. */
    private Solved foldIn(int[] positiveItems) {
        Solved cached = last;
        if (cached != null && Arrays.equals(cached.positiveItems, positiveItems)) {
            return cached;
        }
        Solved solved = solve(positiveItems.clone());
        last = solved;
        return solved;
    }

    private Solved solve(int[] positiveItems) {
        double[] a = itemGram.clone();
        double[] b = new double[factors];
        for (int j : positiveItems) {
            items.addOuterToLower(j, confidence - 1, a);
            items.addRowTo(j, confidence, b);
        }
        DenseFactors.mirrorLower(a, factors);
        double ridge = ridge(lambda, lambdaPerEntry, positiveItems.length);
        if (!(ridge > 0)) {
            // lambda 0: keep the system positive definite with a ridge far below the data's scale
            double trace = 0;
            for (int k = 0; k < factors; k++) {
                trace += a[k * factors + k];
            }
            ridge = 1e-9 * (trace / factors) + 1e-12;
        }
        for (int k = 0; k < factors; k++) {
            a[k * factors + k] += ridge;
        }
        Cholesky system = Cholesky.factor(a, factors);
        system.solveInPlace(b);
        return new Solved(positiveItems, system, b);
    }

    /**
     * The part of product {@code item}'s score due to each held product: {@code c · y_itemᵀ A⁻¹ y_j}.
     */
    double[] contributions(int[] positiveItems, int item) {
        return contributions(foldIn(positiveItems), item);
    }

    private double[] contributions(Solved solved, int item) {
        int[] positiveItems = solved.positiveItems;
        double[] z = new double[factors];
        items.row(item, z);
        solved.system.solveInPlace(z);
        double[] contributions = new double[positiveItems.length];
        for (int k = 0; k < positiveItems.length; k++) {
            contributions[k] = confidence * items.dot(positiveItems[k], z);
        }
        return contributions;
    }

    @Override
    public List<Reason> explain(int knownUser, int[] positiveItems, int item, double score) {
        if (positiveItems.length == 0 || !Double.isFinite(score)) {
            return List.of();
        }
        return FactorReasons.perHeldProduct(matrix, positiveItems, contributions(positiveItems, item), item,
                score);
    }
}
