package org.finrec.experiment.internal;

import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.finrec.api.experiment.Comparison;
import org.finrec.api.experiment.OutcomeKind;
import org.finrec.api.experiment.Proportion;
import org.finrec.experiment.internal.log.LogRecord;
import org.finrec.experiment.internal.log.LogRecord.AllocationRecord;
import org.finrec.experiment.internal.log.LogRecord.FailureRecord;
import org.finrec.experiment.internal.log.LogRecord.ImpressionRecord;
import org.finrec.experiment.internal.log.LogRecord.OutcomeRecord;
import org.finrec.experiment.internal.log.LogRecord.ShadowRecord;
import org.finrec.experiment.internal.log.LogStateMachine;
import org.finrec.experiment.internal.log.RecordRejectedException;
import org.finrec.experiment.internal.stats.ClusterSums;
import org.finrec.experiment.internal.stats.CustomerClusters;
import org.finrec.experiment.internal.stats.ProportionStatistics;

/**
 * The in-memory aggregates built from the outcome log: counters per experiment variant, the recent requests that
 * outcomes may be attributed to, the halts and configurations the audit records tell, and the running minimum of
 * each treatment's always-valid p-value against the control.
 *
 * <p>The running minimum is taken over observations, not over reads: after every impression or outcome that changes
 * a variant's counters, the affected treatments' always-valid p-values are computed and the minimum kept, so that a
 * report says the same however often it is read. It starts at 1 when the experiment's configuration changes. Only
 * experiments the service {@link #follow follows} are computed; the {@code configured} audit record names the test
 * ({@link SequentialTest#auditText()}), so that records replayed on start, before the experiments' configurations
 * are bound again, are observed as they were live and a restart keeps the minimum. (A configuration recorded by a
 * version whose audit record did not name its test is computed again only from the first live observation after a
 * restart.)
 *
 * <p>Rates are compared with the customer as the unit of randomisation: each variant keeps its impressions and
 * outcomes per customer ({@link CustomerClusters}, about 110 bytes per customer), so that the comparison's variance
 * is the delta method's over customers, not the per-impression variance that repeat visitors make far too small.
 *
 * <p>The log's writer thread is the only writer (live records and replay alike), so counters are plain
 * single-writer volatile fields; any thread may read them.
 */
final class ExperimentLedger implements LogStateMachine {

    static final String CONFIGURED = "configured";
    static final String REMOVED = "removed";
    static final String HALTED = "halted";

    private static final OutcomeKind[] KINDS = OutcomeKind.values();

    private final int attributionRequests;
    private final long attributionMillis;
    /** Requests shown within the attribution window, oldest first; touched by the writer thread only. */
    private final LinkedHashMap<String, ShownRequest> shown = new LinkedHashMap<>(1 << 16, 0.75f, false);
    private final Map<String, Map<String, VariantCounters>> counters = new ConcurrentHashMap<>();
    private final Map<String, Map<String, String>> halts = new ConcurrentHashMap<>();
    private final Map<String, String> fingerprints = new ConcurrentHashMap<>();
    private final Map<String, SequentialTest> sequentialTests = new ConcurrentHashMap<>();
    /** Per experiment and treatment, the running minimum per outcome kind; written by the writer thread. */
    private final Map<String, Map<String, double[]>> alwaysValidMinimum = new ConcurrentHashMap<>();

    /**
     * What the always-valid test of an experiment compares: each treatment with the control, with the mixture
     * variance {@code τ²}.
     */
    record SequentialTest(String control, List<String> treatments, double mixingVariance) {

        private static final String AUDIT_MARKER = "; always-valid test: control ";

        /**
         * The test in words, for the end of the {@code configured} audit record's detail:
         * {@code "; always-valid test: control NAME treatments NAME,NAME mixing variance DOUBLE"} (variant names
         * hold no spaces or commas).
         */
        String auditText() {
            return AUDIT_MARKER + control + " treatments " + String.join(",", treatments) + " mixing variance "
                    + mixingVariance;
        }

        /** The test that a {@code configured} audit record's detail names at its end, or empty (older records). */
        static Optional<SequentialTest> fromAudit(String detail) {
            int marker = detail.lastIndexOf(AUDIT_MARKER);
            if (marker < 0) {
                return Optional.empty();
            }
            String[] words = detail.substring(marker + AUDIT_MARKER.length()).split(" ");
            if (words.length != 6 || !words[1].equals("treatments") || !words[3].equals("mixing")
                    || !words[4].equals("variance")) {
                return Optional.empty();
            }
            try {
                return Optional.of(new SequentialTest(words[0], List.of(words[2].split(",")),
                        Double.parseDouble(words[5])));
            } catch (NumberFormatException notANumber) {
                return Optional.empty();
            }
        }
    }

    /** One served request that outcomes may still be reported for. */
    private static final class ShownRequest {
        final long loggedAtMillis;
        final String experimentId;
        /** The customer shown the request: the cluster its impression and outcomes count in. */
        final String customerId;
        /** The variant whose statistics the request counts in, or null (outside experiments, or routed). */
        final String countedVariant;
        final List<String> productIds;
        /** Bit {@code product index * kinds + kind}: outcomes already recorded. */
        final BitSet recorded = new BitSet();

        ShownRequest(ImpressionRecord impression) {
            this.loggedAtMillis = impression.loggedAtMillis();
            this.experimentId = impression.experimentId();
            this.customerId = impression.customerId();
            this.countedVariant = impression.experimentId().isEmpty() || !impression.routedFrom().isEmpty()
                    ? null : impression.variant();
            this.productIds = impression.productIds();
        }

        boolean hasOutcome(OutcomeKind kind) {
            for (int product = 0; product < productIds.size(); product++) {
                if (recorded.get(product * KINDS.length + kind.ordinal())) {
                    return true;
                }
            }
            return false;
        }
    }

    /** One variant's counters; written by the log's writer thread only. */
    static final class VariantCounters {
        volatile long impressions;
        volatile long failures;
        volatile long fallbacks;
        volatile long routedImpressions;
        volatile long shadowRankings;
        volatile double shadowOverlapSum;
        final long[] requestsWithOutcome = new long[KINDS.length];
        /** The same impressions and requests with an outcome, per customer, for the variance of the rates. */
        final CustomerClusters clusters = new CustomerClusters(KINDS.length);

        long requestsWith(OutcomeKind kind) {
            synchronized (requestsWithOutcome) {
                return requestsWithOutcome[kind.ordinal()];
            }
        }

        /**
         * The share of impressions with an outcome of this kind, with its Wilson interval for display; comparisons
         * use {@link #sums(OutcomeKind)}.
         */
        Proportion rate(OutcomeKind kind) {
            long shown = impressions;
            return ProportionStatistics.wilson(Math.min(requestsWith(kind), shown), shown);
        }

        /** The same share as a ratio over customers, the sums its delta-method variance needs. */
        ClusterSums sums(OutcomeKind kind) {
            return clusters.sums(kind.ordinal());
        }
    }

    ExperimentLedger(int attributionRequests, long attributionHours) {
        this.attributionRequests = attributionRequests;
        this.attributionMillis = TimeUnit.HOURS.toMillis(attributionHours);
    }

    @Override
    public Admission admit(LogRecord record) {
        if (!(record instanceof OutcomeRecord outcome)) {
            return Admission.ACCEPT;
        }
        ShownRequest request = shown.get(outcome.requestId());
        if (request == null) {
            throw new RecordRejectedException("Outcome " + outcome.kind() + " of product " + outcome.productId()
                    + ": request " + outcome.requestId() + " is unknown or outside the attribution window (the last "
                    + attributionRequests + " requests, at most " + TimeUnit.MILLISECONDS.toHours(attributionMillis)
                    + " hours old)");
        }
        int product = request.productIds.indexOf(outcome.productId());
        if (product < 0) {
            throw new RecordRejectedException("Outcome " + outcome.kind() + " of request " + outcome.requestId()
                    + ": product " + outcome.productId() + " was not recommended in it (recommended: "
                    + request.productIds + ")");
        }
        return request.recorded.get(product * KINDS.length + outcome.kind().ordinal())
                ? Admission.DUPLICATE : Admission.ACCEPT;
    }

    @Override
    public void apply(LogRecord record) {
        if (record instanceof ImpressionRecord impression) {
            applyImpression(impression);
        } else if (record instanceof OutcomeRecord outcome) {
            applyOutcome(outcome);
        } else if (record instanceof FailureRecord failure) {
            counters(failure.experimentId(), failure.variant()).failures++;
        } else if (record instanceof ShadowRecord shadow) {
            VariantCounters variant = counters(shadow.experimentId(), shadow.variant());
            variant.shadowRankings++;
            variant.shadowOverlapSum += shadow.overlap();
        } else if (record instanceof AllocationRecord allocation) {
            applyAllocation(allocation);
        }
    }

    private void applyImpression(ImpressionRecord impression) {
        ShownRequest request = new ShownRequest(impression);
        shown.put(impression.requestId(), request);
        evictBefore(impression.loggedAtMillis() - attributionMillis);
        if (request.countedVariant != null) {
            VariantCounters variant = counters(impression.experimentId(), request.countedVariant);
            variant.impressions++;
            variant.clusters.impression(impression.customerId());
            if (impression.fallback()) {
                variant.fallbacks++;
            }
            observe(impression.experimentId(), request.countedVariant);
        } else if (!impression.routedFrom().isEmpty()) {
            counters(impression.experimentId(), impression.routedFrom()).routedImpressions++;
        }
    }

    private void evictBefore(long oldestMillis) {
        var eldest = shown.entrySet().iterator();
        while (eldest.hasNext()) {
            ShownRequest request = eldest.next().getValue();
            if (shown.size() <= attributionRequests && request.loggedAtMillis >= oldestMillis) {
                return;
            }
            eldest.remove();
        }
    }

    private void applyOutcome(OutcomeRecord outcome) {
        ShownRequest request = shown.get(outcome.requestId());
        if (request == null) {
            return; // replay of an outcome whose request has left the window since
        }
        int product = request.productIds.indexOf(outcome.productId());
        if (product < 0) {
            return;
        }
        boolean firstOfKind = !request.hasOutcome(outcome.kind());
        request.recorded.set(product * KINDS.length + outcome.kind().ordinal());
        if (firstOfKind && request.countedVariant != null) {
            VariantCounters variant = counters(request.experimentId, request.countedVariant);
            long[] perKind = variant.requestsWithOutcome;
            synchronized (perKind) {
                perKind[outcome.kind().ordinal()]++;
            }
            variant.clusters.success(request.customerId, outcome.kind().ordinal());
            observe(request.experimentId, request.countedVariant);
        }
    }

    private void applyAllocation(AllocationRecord allocation) {
        String experiment = allocation.experimentId();
        switch (allocation.change()) {
            case CONFIGURED -> {
                String fingerprint = allocation.detail().split(" ", 2)[0];
                if (!fingerprint.equals(fingerprints.put(experiment, fingerprint))) {
                    halts.remove(experiment);
                    alwaysValidMinimum.remove(experiment);
                }
                SequentialTest.fromAudit(allocation.detail()).ifPresent(test -> follow(experiment, test));
            }
            case REMOVED -> {
                // statistics, halts and the fingerprint stay: the same configuration, added again, resumes as it was
            }
            case HALTED -> {
                String[] variantAndReason = allocation.detail().split(": ", 2);
                halts.computeIfAbsent(experiment, id -> new ConcurrentHashMap<>())
                        .put(variantAndReason[0], variantAndReason.length > 1 ? variantAndReason[1] : "");
            }
            default -> {
                // an audit entry of a later version: nothing to aggregate
            }
        }
    }

    /** Updates the running minima that a change of this variant's counters can lower. */
    private void observe(String experimentId, String variant) {
        SequentialTest test = sequentialTests.get(experimentId);
        if (test == null) {
            return;
        }
        VariantCounters control = variant(experimentId, test.control());
        if (variant.equals(test.control())) {
            for (String treatment : test.treatments()) {
                lowerMinimum(experimentId, treatment, control, test.mixingVariance());
            }
        } else if (test.treatments().contains(variant)) {
            lowerMinimum(experimentId, variant, control, test.mixingVariance());
        }
    }

    private void lowerMinimum(String experimentId, String treatment, VariantCounters control,
            double mixingVariance) {
        VariantCounters counters = variant(experimentId, treatment);
        double[] minimum = alwaysValidMinimum.computeIfAbsent(experimentId, id -> new ConcurrentHashMap<>())
                .computeIfAbsent(treatment, name -> {
                    double[] none = new double[KINDS.length];
                    Arrays.fill(none, 1.0);
                    return none;
                });
        for (OutcomeKind kind : KINDS) {
            double look = ProportionStatistics.compare(counters.sums(kind), control.sums(kind), mixingVariance)
                    .alwaysValidPValue();
            synchronized (minimum) {
                minimum[kind.ordinal()] = Math.min(minimum[kind.ordinal()], look);
            }
        }
    }

    /**
     * Starts or keeps computing an experiment's always-valid p-values as observations arrive. Called by the service
     * whenever it runs an experiment's configuration; the minimum starts again at 1 only when the configuration's
     * fingerprint changes (by the {@code configured} audit record), not when the same configuration is followed
     * again.
     */
    void follow(String experimentId, SequentialTest test) {
        sequentialTests.put(experimentId, test);
    }

    /**
     * The running minimum of a treatment's always-valid p-value over every observation since its configuration.
     *
     * @return a p-value in [0, 1]; 1 before the first observation
     */
    double alwaysValidMinimum(String experimentId, String treatment, OutcomeKind kind) {
        Map<String, double[]> experiment = alwaysValidMinimum.get(experimentId);
        double[] minimum = experiment == null ? null : experiment.get(treatment);
        if (minimum == null) {
            return 1.0;
        }
        synchronized (minimum) {
            return minimum[kind.ordinal()];
        }
    }

    /**
     * A treatment against the control now, with the customer as the unit: the difference of the rates of this
     * outcome kind with its delta-method interval and fixed-horizon p-value, and as always-valid p-value the
     * running minimum over every observation (this look included). Reading it changes nothing.
     */
    Comparison compare(String experimentId, String treatment, String control, OutcomeKind kind,
            double mixingVariance) {
        return ProportionStatistics.compare(variant(experimentId, treatment).sums(kind),
                variant(experimentId, control).sums(kind), mixingVariance,
                alwaysValidMinimum(experimentId, treatment, kind));
    }

    private VariantCounters counters(String experimentId, String variant) {
        return counters.computeIfAbsent(experimentId, id -> new ConcurrentHashMap<>())
                .computeIfAbsent(variant, name -> new VariantCounters());
    }

    /** The variant's counters (all zero if it has none yet). */
    VariantCounters variant(String experimentId, String variant) {
        Map<String, VariantCounters> experiment = counters.get(experimentId);
        VariantCounters found = experiment == null ? null : experiment.get(variant);
        return found == null ? new VariantCounters() : found;
    }

    /** Why a guardrail halted the variant, or empty while it serves. */
    Optional<String> haltReason(String experimentId, String variant) {
        Map<String, String> experiment = halts.get(experimentId);
        return experiment == null ? Optional.empty() : Optional.ofNullable(experiment.get(variant));
    }

    boolean isHalted(String experimentId, String variant) {
        Map<String, String> experiment = halts.get(experimentId);
        return experiment != null && experiment.containsKey(variant);
    }

    /** The fingerprint of the configuration last recorded for the experiment, or empty. */
    Optional<String> fingerprint(String experimentId) {
        return Optional.ofNullable(fingerprints.get(experimentId));
    }

    /** How many requests outcomes may be reported for now. */
    int requestsInWindow() {
        return shown.size();
    }
}
