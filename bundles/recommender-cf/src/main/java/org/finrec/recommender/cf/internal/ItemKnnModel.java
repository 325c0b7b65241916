package org.finrec.recommender.cf.internal;

import java.util.Arrays;
import java.util.List;
import org.finrec.api.model.ContentVersion;
import org.finrec.api.recommend.Reason;
import org.finrec.api.recommend.ReasonCodes;

/**
 * Item-based k nearest neighbours on binary feedback: every product keeps its {@code k} most similar products
 * ({@code N_k(i)}, positive similarities only, precomputed by {@link ItemKnnTrainer}), and a product's score sums
 * its similarities to the products the customer holds, as {@link Rule} says which neighbourhood counts.
 *
 * <p>Both rules score by walking one adjacency list per held product (O(held x k) on average, no allocation):
 * the neighbour lists themselves ({@link Rule#HELD}) or their transpose ({@link Rule#CANDIDATE}), so a customer
 * with three products costs three short list walks whatever the catalogue's size. Immutable and thread-safe.
 */
final class ItemKnnModel implements CfModel {

    /** Which neighbourhood decides whether a held product counts towards a candidate's score. */
    enum Rule {
        /**
         * The candidate's (Sarwar et al. 2001): {@code score(i) = sum of sim(i, j) over held j in N_k(i)}. A
         * candidate is scored only by the held products among its own {@code k} most similar ones.
         */
        CANDIDATE,
        /**
         * The held product's (Deshpande and Karypis 2004, RankSys): {@code score(i) = sum of sim(j, i) over held j
         * with i in N_k(j)}. Every held product votes for its own {@code k} most similar products.
         */
        HELD;

        /** The rule the component uses (see the MovieLens comparison in {@code ItemKnnMovieLensAccuracyTest}). */
        static final Rule DEFAULT = CANDIDATE;
    }

    private final ContentVersion version;
    private final FeedbackMatrix matrix;
    private final Similarity similarity;
    private final int neighbours;
    private final Rule rule;
    /** N_k(i): {@code neighbourIds[neighbourStart[i] .. neighbourStart[i+1])}, most similar first. */
    private final int[] neighbourStart;
    private final int[] neighbourIds;
    private final float[] neighbourSims;
    /** What scoring walks for held product j: N_k(j) (HELD) or {i : j in N_k(i)} ascending (CANDIDATE). */
    private final int[] votesStart;
    private final int[] votesIds;
    private final float[] votesSims;

    ItemKnnModel(String version, FeedbackMatrix matrix, Similarity similarity, int neighbours, Rule rule,
            int[][] ids, float[][] sims) {
        this(version, matrix, similarity, neighbours, rule, offsets(ids), flatten(ids), flatten(sims));
    }

    /**
     * A model from its neighbour lists in compressed form (as training flattens them and {@link ItemKnnCodec} keeps
     * them); {@code version} is null for a model trained here (see {@link org.finrec.api.model.ContentVersion}): N_k(i) is {@code neighbourIds[neighbourStart[i] .. neighbourStart[i+1])}, most similar
     * first, with similarities {@code neighbourSims} alongside. The arrays are the model's from now on.
     *
     * @throws IllegalArgumentException when the arrays do not describe neighbour lists of {@code matrix.items()}
     *     products
     */
    ItemKnnModel(String version, FeedbackMatrix matrix, Similarity similarity, int neighbours, Rule rule,
            int[] neighbourStart, int[] neighbourIds, float[] neighbourSims) {
        int items = matrix.items();
        if (neighbourStart.length != items + 1 || neighbourStart[0] != 0
                || neighbourStart[items] != neighbourIds.length || neighbourSims.length != neighbourIds.length) {
            throw new IllegalArgumentException("neighbour lists do not match " + items + " products");
        }
        for (int i = 0; i < items; i++) {
            if (neighbourStart[i + 1] < neighbourStart[i]) {
                throw new IllegalArgumentException("neighbour offsets decrease at product " + i);
            }
        }
        for (int j : neighbourIds) {
            if (j < 0 || j >= items) {
                throw new IllegalArgumentException("neighbour " + j + " is not a product index below " + items);
            }
        }
        this.version = new ContentVersion(version);
        this.matrix = matrix;
        this.similarity = similarity;
        this.neighbours = neighbours;
        this.rule = rule;
        this.neighbourStart = neighbourStart;
        this.neighbourIds = neighbourIds;
        this.neighbourSims = neighbourSims;
        if (rule == Rule.HELD) {
            votesStart = neighbourStart;
            votesIds = neighbourIds;
            votesSims = neighbourSims;
        } else {
            votesStart = new int[items + 1];
            for (int j : neighbourIds) {
                votesStart[j + 1]++;
            }
            for (int j = 0; j < items; j++) {
                votesStart[j + 1] += votesStart[j];
            }
            int[] fill = Arrays.copyOf(votesStart, items);
            votesIds = new int[neighbourIds.length];
            votesSims = new float[neighbourIds.length];
            for (int i = 0; i < items; i++) {
                for (int k = neighbourStart[i]; k < neighbourStart[i + 1]; k++) {
                    int at = fill[neighbourIds[k]]++;
                    votesIds[at] = i;
                    votesSims[at] = neighbourSims[k];
                }
            }
        }
    }

    private static int[] offsets(int[][] ids) {
        int[] start = new int[ids.length + 1];
        for (int i = 0; i < ids.length; i++) {
            start[i + 1] = start[i] + ids[i].length;
        }
        return start;
    }

    private static int[] flatten(int[][] rows) {
        int[] start = offsets(rows);
        int[] flat = new int[start[rows.length]];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, flat, start[i], rows[i].length);
        }
        return flat;
    }

    private static float[] flatten(float[][] rows) {
        int total = 0;
        for (float[] row : rows) {
            total += row.length;
        }
        float[] flat = new float[total];
        int at = 0;
        for (float[] row : rows) {
            System.arraycopy(row, 0, flat, at, row.length);
            at += row.length;
        }
        return flat;
    }

    @Override
    public String version() {
        return version.of(this, Algorithm.ITEM_KNN.codec());
    }

    @Override
    public Algorithm algorithm() {
        return Algorithm.ITEM_KNN;
    }

    @Override
    public FeedbackMatrix matrix() {
        return matrix;
    }

    Similarity similarity() {
        return similarity;
    }

    int neighbours() {
        return neighbours;
    }

    Rule rule() {
        return rule;
    }

    /** The offsets of the neighbour lists (the model's own array, for the model store: never modify). */
    int[] neighbourStart() {
        return neighbourStart;
    }

    /** Every product's neighbours, list after list (the model's own array, for the model store: never modify). */
    int[] neighbourIds() {
        return neighbourIds;
    }

    /** The similarities of {@link #neighbourIds()} (the model's own array, for the model store: never modify). */
    float[] neighbourSims() {
        return neighbourSims;
    }

    /** N_k(item), most similar first (a copy). */
    int[] neighboursOf(int item) {
        return Arrays.copyOfRange(neighbourIds, neighbourStart[item], neighbourStart[item + 1]);
    }

    /** The similarities of {@link #neighboursOf}, in the same order (a copy). */
    float[] similaritiesOf(int item) {
        return Arrays.copyOfRange(neighbourSims, neighbourStart[item], neighbourStart[item + 1]);
    }

    @Override
    public Explainer score(int knownUser, int[] positiveItems, float[] scores) {
        if (scores.length != matrix.items()) {
            throw new IllegalArgumentException("scores has length " + scores.length + ", the model has "
                    + matrix.items() + " products");
        }
        Arrays.fill(scores, 0f);
        for (int j : positiveItems) {
            for (int k = votesStart[j], end = votesStart[j + 1]; k < end; k++) {
                scores[votesIds[k]] += votesSims[k];
            }
        }
        return (item, score) -> explain(knownUser, positiveItems, item, score);
    }

    @Override
    public List<Reason> explain(int knownUser, int[] positiveItems, int item, double score) {
        int[] ids;
        double[] contributions;
        int count = 0;
        if (rule == Rule.CANDIDATE) {
            int from = neighbourStart[item];
            int size = neighbourStart[item + 1] - from;
            ids = new int[size];
            contributions = new double[size];
            for (int k = 0; k < size; k++) {
                int j = neighbourIds[from + k];
                if (Arrays.binarySearch(positiveItems, j) >= 0) {
                    ids[count] = j;
                    contributions[count++] = neighbourSims[from + k];
                }
            }
        } else {
            NeighbourHeap heap = new NeighbourHeap(positiveItems.length);
            for (int j : positiveItems) {
                for (int k = neighbourStart[j], end = neighbourStart[j + 1]; k < end; k++) {
                    if (neighbourIds[k] == item) {
                        heap.offer(j, neighbourSims[k]);
                        break;
                    }
                }
            }
            ids = new int[heap.size()];
            contributions = new double[heap.size()];
            count = heap.drain(ids, contributions);
        }
        String product = matrix.itemName(item);
        return KnnReasons.of(ReasonCodes.HELD_TOGETHER_WITH, ids, contributions, count, score,
                new KnnReasons.Wording() {
                    @Override
                    public String individual(int id, double sim) {
                        return product + " is often held together with " + matrix.itemName(id)
                                + ", which the customer holds (similarity " + KnnReasons.format(sim) + ").";
                    }

                    @Override
                    public String aggregate(int others, double sum) {
                        return product + " is also held together with " + others
                                + (others == 1 ? " other product" : " other products")
                                + " the customer holds (similarities adding up to " + KnnReasons.format(sum) + ").";
                    }
                }, "None of the products the customer holds is among those most similar to " + product + ".");
    }
}
