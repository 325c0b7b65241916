package org.finrec.recommender.cf.internal;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.finrec.api.model.ContentVersion;
import org.finrec.api.recommend.Reason;
import org.finrec.api.recommend.ReasonCodes;

/**
 * User-based k nearest neighbours on binary feedback: a product's score is the sum of the similarities of the
 * customer's {@code k} most similar training customers who hold it (0 when none does). Neighbours rank by
 * similarity, ties to the lower customer index; a known customer is never their own neighbour; neighbours with
 * similarity 0 or less are skipped (they would contribute nothing, or a negative vote).
 *
 * <p>Scoring a customer with {@code a} products counts the overlap {@code c} with every {@link HoldingProfiles
 * holding profile} that shares a product, through the profiles' column index (int counters in per-thread scratch
 * arrays, with a list of the touched profiles so that resetting costs what counting cost), turns counts into
 * similarities ({@link NeighbourhoodSimilarity}, with norms precomputed per profile), and selects in two bounded
 * heaps (partial selection, no sort): the best {@code k} profiles, ranked by similarity and then by their first
 * eligible customer, which must hold the best {@code k} customers; then the best {@code k} customers among their
 * members. This is exactly per-customer kNN, and on bank data, where a million customers share some thousands of
 * profiles, it costs thousands of operations instead of millions.
 *
 * <p>Euclidean similarity is positive even without overlap ({@code 1 / (1 + sqrt(a + b))}); among profiles that
 * share nothing it falls as their size {@code b} grows, so the model keeps the profiles sorted by size and offers
 * only the first {@code k} that share nothing (and any tied with the last): exact, and O(overlap + k).
 *
 * <p>Immutable and thread-safe; scoring allocates only the copy of the {@code k} neighbours that explains it.
 */
final class UserKnnModel implements CfModel {

    private final ContentVersion version;
    private final FeedbackMatrix matrix;
    private final Similarity similarity;
    private final int neighbours;
    private final HoldingProfiles profiles;
    /** Per profile: {@code sqrt(b)} (cosine), {@code sqrt(b (n - b))} (Pearson); unused for Euclidean. */
    private final double[] norms;
    /** Euclidean only: the non-empty profiles by size, then number. */
    private final int[] bySize;
    private final ThreadLocal<Scratch> scratch;
    /**
     * The neighbours of each training profile, filled on first use: a customer scored with exactly their training
     * row has the neighbours of their profile, whoever of its members asks (a profile never neighbours itself,
     * since it has nothing its members lack), so repeat requests of known customers skip the search.
     */
    private final AtomicReferenceArray<Neighbours> profileNeighbours;

    /** A computed neighbourhood: customer indices and similarities, most similar first. Never modified. */
    private record Neighbours(int[] ids, double[] sims) {
    }

    private UserKnnModel(String version, FeedbackMatrix matrix, Similarity similarity, int neighbours,
            HoldingProfiles profiles, double[] norms, int[] bySize) {
        this.version = new ContentVersion(version);
        this.matrix = matrix;
        this.similarity = similarity;
        this.neighbours = neighbours;
        this.profiles = profiles;
        this.norms = norms;
        this.bySize = bySize;
        int capacity = Math.min(neighbours, Math.max(1, matrix.users())); // k may exceed the customers
        this.scratch = ThreadLocal.withInitial(() -> new Scratch(profiles.count(), capacity));
        this.profileNeighbours = new AtomicReferenceArray<>(profiles.count());
    }

    /**
     * Builds the model from the feedback matrix and precomputes what scoring needs (the distinct {@link
     * HoldingProfiles holding profiles}, each one's norm, and for Euclidean the profiles ordered by size). Training
     * and loading a stored model both build it here, so both give the same model.
     *
     * @param version the model version (its content hash) when loaded, null when trained here (worked out on
     *     first use)
     * @param matrix the training feedback
     * @param similarity {@link Similarity#COSINE}, {@link Similarity#PEARSON} or {@link Similarity#EUCLIDEAN}
     * @param neighbours the neighbourhood size, 1 or more
     * @return the model
     */
    static UserKnnModel of(String version, FeedbackMatrix matrix, Similarity similarity, int neighbours) {
        if (similarity == Similarity.ADJUSTED_COSINE) {
            throw new IllegalArgumentException("similarity ADJUSTED_COSINE applies to item kNN only; user kNN takes"
                    + " COSINE, PEARSON or EUCLIDEAN");
        }
        if (neighbours < 1) {
            throw new IllegalArgumentException("neighbours must be >= 1");
        }
        int items = matrix.items();
        HoldingProfiles profiles = HoldingProfiles.of(matrix);
        double[] norms = new double[profiles.count()];
        int[] bySize = new int[0];
        switch (similarity) {
            case COSINE:
                for (int p = 0; p < norms.length; p++) {
                    norms[p] = Math.sqrt(profiles.size[p]);
                }
                break;
            case PEARSON:
                for (int p = 0; p < norms.length; p++) {
                    norms[p] = NeighbourhoodSimilarity.pearsonNorm(items, profiles.size[p]);
                }
                break;
            default:
                bySize = profiles.bySize();
                break;
        }
        return new UserKnnModel(version, matrix, similarity, neighbours, profiles, norms, bySize);
    }

    /** Per-thread working memory of one scoring call. */
    private static final class Scratch {
        final int[] overlap;
        final int[] touched;
        final NeighbourHeap profileHeap;
        final int[] profileFirst;
        final double[] profileSims;
        final NeighbourHeap userHeap;
        final int[] ids;
        final double[] sims;

        Scratch(int profiles, int neighbours) {
            overlap = new int[profiles];
            touched = new int[profiles];
            profileHeap = new NeighbourHeap(neighbours);
            profileFirst = new int[neighbours];
            profileSims = new double[neighbours];
            userHeap = new NeighbourHeap(neighbours);
            ids = new int[neighbours];
            sims = new double[neighbours];
        }
    }

    @Override
    public String version() {
        return version.of(this, Algorithm.USER_KNN.codec());
    }

    @Override
    public Algorithm algorithm() {
        return Algorithm.USER_KNN;
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

    /** The number of distinct holding profiles among the training customers. */
    int profiles() {
        return profiles.count();
    }

    @Override
    public Explainer score(int knownUser, int[] positiveItems, float[] scores) {
        if (scores.length != matrix.items()) {
            throw new IllegalArgumentException("scores has length " + scores.length + ", the model has "
                    + matrix.items() + " products");
        }
        Arrays.fill(scores, 0f);
        Scratch s = scratch.get();
        int count = neighbours(knownUser, positiveItems, s);
        int[] userStart = matrix.userStart;
        int[] userItems = matrix.userItems;
        for (int n = 0; n < count; n++) {
            float sim = (float) s.sims[n];
            int v = s.ids[n];
            for (int k = userStart[v], end = userStart[v + 1]; k < end; k++) {
                scores[userItems[k]] += sim;
            }
        }
        Neighbours found = new Neighbours(Arrays.copyOf(s.ids, count), Arrays.copyOf(s.sims, count));
        return (item, score) -> explain(found, item, score);
    }

    /** Explains a product's score from the neighbours that gave it: those who hold it, with their similarities. */
    private List<Reason> explain(Neighbours found, int item, double score) {
        int count = found.ids().length;
        int[] ids = new int[count];
        double[] contributions = new double[count];
        int contributors = 0;
        for (int n = 0; n < count; n++) {
            int v = found.ids()[n];
            if (Arrays.binarySearch(matrix.userItems, matrix.userStart[v], matrix.userStart[v + 1], item) >= 0) {
                ids[contributors] = v;
                contributions[contributors++] = (float) found.sims()[n];
            }
        }
        String product = matrix.itemName(item);
        return KnnReasons.of(ReasonCodes.SIMILAR_CUSTOMERS_HOLD, ids, contributions, contributors, score,
                new KnnReasons.Wording() {
                    @Override
                    public String individual(int id, double sim) {
                        // never name the other customer: their holdings are theirs, not this customer's business
                        return "A customer with similar products (similarity " + KnnReasons.format(sim) + ") holds "
                                + product + ".";
                    }

                    @Override
                    public String aggregate(int others, double sum) {
                        return others + (others == 1 ? " other similar customer holds "
                                : " other similar customers hold ") + product + " (similarities adding up to "
                                + KnnReasons.format(sum) + ").";
                    }
                }, "No similar customer holds " + product + ".");
    }

    /** The customer's neighbours, most similar first (for tests and tools). */
    int[] neighbourIds(int knownUser, int[] positiveItems) {
        Scratch s = scratch.get();
        return Arrays.copyOf(s.ids, neighbours(knownUser, positiveItems, s));
    }

    /** The similarities of {@link #neighbourIds}, in the same order. */
    double[] neighbourSimilarities(int knownUser, int[] positiveItems) {
        Scratch s = scratch.get();
        return Arrays.copyOf(s.sims, neighbours(knownUser, positiveItems, s));
    }

    /**
     * Finds the customer's neighbours.
     *
     * @return how many; their indices and similarities are in {@code s.ids} and {@code s.sims}, best first
     */
    /**
     * Whether customers of a profile have a product the scored customer lacks. Only those can recommend anything;
     * in bank data, where thousands of customers share the same few products, the top k would otherwise be
     * filled with exact copies of the customer's own holdings and every score would be zero.
     */
    private boolean informative(int profile, int[] overlap) {
        return profiles.size[profile] > overlap[profile];
    }

    private int neighbours(int knownUser, int[] positiveItems, Scratch s) {
        if (knownUser < 0 || !isTrainingRow(knownUser, positiveItems)) {
            return search(knownUser, positiveItems, s);
        }
        int profile = profiles.profileOf[knownUser];
        Neighbours cached = profileNeighbours.get(profile);
        if (cached == null) {
            int count = search(-1, positiveItems, s);
            cached = new Neighbours(Arrays.copyOf(s.ids, count), Arrays.copyOf(s.sims, count));
            profileNeighbours.compareAndSet(profile, null, cached);
        }
        System.arraycopy(cached.ids(), 0, s.ids, 0, cached.ids().length);
        System.arraycopy(cached.sims(), 0, s.sims, 0, cached.sims().length);
        return cached.ids().length;
    }

    private boolean isTrainingRow(int user, int[] positiveItems) {
        int start = matrix.userStart[user];
        return matrix.userStart[user + 1] - start == positiveItems.length
                && Arrays.equals(matrix.userItems, start, start + positiveItems.length, positiveItems, 0,
                        positiveItems.length);
    }

    /** Searches the neighbours of a customer with the given products among the training profiles. */
    private int search(int knownUser, int[] positiveItems, Scratch s) {
        int a = positiveItems.length;
        if (a == 0) {
            return 0;
        }
        int[] overlap = s.overlap;
        int[] touched = s.touched;
        int[] itemStart = profiles.itemStart;
        int[] itemProfiles = profiles.itemProfiles;
        int[] size = profiles.size;
        int touchedCount = 0;
        for (int j : positiveItems) {
            for (int k = itemStart[j], end = itemStart[j + 1]; k < end; k++) {
                int p = itemProfiles[k];
                if (overlap[p]++ == 0) {
                    touched[touchedCount++] = p;
                }
            }
        }
        NeighbourHeap heap = s.profileHeap;
        heap.clear();
        int n = matrix.items();
        switch (similarity) {
            case COSINE: {
                double normA = Math.sqrt(a);
                for (int t = 0; t < touchedCount; t++) {
                    int p = touched[t];
                    int first = informative(p, overlap) ? firstEligible(p, knownUser) : -1;
                    if (first >= 0) {
                        heap.offer(first, overlap[p] / (normA * norms[p]));
                    }
                }
                break;
            }
            case PEARSON: {
                double normA = NeighbourhoodSimilarity.pearsonNorm(n, a);
                for (int t = 0; t < touchedCount; t++) {
                    int p = touched[t];
                    int first = informative(p, overlap) ? firstEligible(p, knownUser) : -1;
                    double norm = normA * norms[p];
                    if (first >= 0 && norm > 0) {
                        double sim = ((double) n * overlap[p] - (double) a * size[p]) / norm;
                        if (sim > 0) {
                            heap.offer(first, sim);
                        }
                    }
                }
                break;
            }
            default: {
                for (int t = 0; t < touchedCount; t++) {
                    int p = touched[t];
                    int first = informative(p, overlap) ? firstEligible(p, knownUser) : -1;
                    if (first >= 0) {
                        heap.offer(first, NeighbourhoodSimilarity.euclidean(a, size[p], overlap[p]));
                    }
                }
                // Profiles sharing nothing, most similar (smallest) first; stop after k and their ties.
                int offered = 0;
                double last = Double.POSITIVE_INFINITY;
                for (int p : bySize) {
                    int first = overlap[p] != 0 ? -1 : firstEligible(p, knownUser);
                    if (first < 0) {
                        continue;
                    }
                    double sim = NeighbourhoodSimilarity.euclidean(a, size[p], 0);
                    if (offered >= neighbours && sim < last) {
                        break;
                    }
                    heap.offer(first, sim);
                    last = sim;
                    offered++;
                }
                break;
            }
        }
        for (int t = 0; t < touchedCount; t++) {
            overlap[touched[t]] = 0;
        }
        // The best k customers lie in the best k profiles (each profile ranks by its best customer), which come
        // out best first: take their members in order until the customer heap rejects.
        int profileCount = heap.drain(s.profileFirst, s.profileSims);
        NeighbourHeap users = s.userHeap;
        users.clear();
        int[] memberStart = profiles.memberStart;
        int[] members = profiles.members;
        for (int r = 0; r < profileCount; r++) {
            int first = s.profileFirst[r];
            double sim = s.profileSims[r];
            if (!users.accepts(first, sim)) {
                break;
            }
            int p = profiles.profileOf[first];
            for (int m = memberStart[p], end = memberStart[p + 1]; m < end; m++) {
                int v = members[m];
                if (v == knownUser) {
                    continue;
                }
                if (!users.accepts(v, sim)) {
                    break;
                }
                users.offer(v, sim);
            }
        }
        return users.drain(s.ids, s.sims);
    }

    /** The lowest customer of profile p other than the known customer, or -1 when there is none. */
    private int firstEligible(int p, int knownUser) {
        int from = profiles.memberStart[p];
        int first = profiles.members[from];
        if (first != knownUser) {
            return first;
        }
        return from + 1 < profiles.memberStart[p + 1] ? profiles.members[from + 1] : -1;
    }
}
