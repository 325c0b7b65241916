package org.finrec.api.experiment;

import java.util.List;
import java.util.Optional;
import org.finrec.api.recommend.RecommendationRequest;
import org.finrec.api.recommend.RecommendationResponse;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Runs A/B experiments on recommenders: assigns each request to a variant, records what was shown and what the
 * customer did with it, and reports statistics per variant.
 *
 * <p>Assignment is sticky: a customer stays in the same variant for as long as the experiment's configuration is
 * unchanged, and a change of one variant's weight moves only the customers that the change must move. The
 * recommendation facade calls {@link #assign}, {@link #recordImpression}, {@link #recordFailure} and
 * {@link #recordShadow}; hosts call {@link #recordOutcome} and read {@link #reports()}.
 *
 * <p>Every change of allocation (an experiment configured, changed or removed, a variant halted by a guardrail)
 * is posted as an OSGi event on {@link #ALLOCATION_TOPIC} and written to the outcome log.
 *
 * <p>Implementations are thread-safe.
 */
@ProviderType
public interface ExperimentService {

    /** Event Admin topic of allocation changes. */
    String ALLOCATION_TOPIC = "org/finrec/experiment/ALLOCATION_CHANGED";
    /** Event property: the experiment id (String). */
    String EVENT_EXPERIMENT = "experiment";
    /** Event property: what changed (String): {@code configured}, {@code removed} or {@code halted}. */
    String EVENT_CHANGE = "change";
    /** Event property: a human-readable description of the new allocation or the reason for the change (String). */
    String EVENT_DETAIL = "detail";

    /**
     * Decides which variant serves a request.
     *
     * @param request the request, not null
     * @return the assignment; {@link Assignment#NONE} when no running experiment takes the request
     */
    Assignment assign(RecommendationRequest request);

    /**
     * Records that a response was served under an assignment. Returns without waiting for the disk; the impression
     * is durable no later than any outcome recorded after it.
     *
     * @param assignment the assignment the response was served under, not null
     * @param response the response, not null
     */
    void recordImpression(Assignment assignment, RecommendationResponse response);

    /**
     * Records that a request assigned to a variant could not be served at all.
     *
     * @param assignment the assignment, not null
     * @param requestId the request's id, not null
     * @param reason why it failed, not null
     */
    void recordFailure(Assignment assignment, String requestId, String reason);

    /**
     * Records the ranking the shadow variant computed for a request, which was not served.
     *
     * @param assignment the assignment naming the shadow variant, not null
     * @param response the response that was served, not null
     * @param shadowRanking the shadow's product ids, best first; empty when the shadow failed
     */
    void recordShadow(Assignment assignment, RecommendationResponse response, List<String> shadowRanking);

    /**
     * Records an outcome durably: when this method returns, the outcome survives a crash of the process (and, with
     * the default synchronous policy, of the machine). Reporting the same outcome (request, product, kind) again
     * is harmless and counts once.
     *
     * @param outcome the outcome, not null
     * @return {@code true} if the outcome was new, {@code false} if it had been recorded before
     * @throws OutcomeRejectedException if the request is unknown or outside the attribution window, the product
     *     was not recommended in it, or the log could not be written
     */
    boolean recordOutcome(Outcome outcome);

    /**
     * Returns the statistics of every configured experiment.
     *
     * @return one report per experiment, ordered by experiment id
     */
    List<ExperimentReport> reports();

    /**
     * Returns the statistics of one experiment.
     *
     * @param experimentId the experiment's id
     * @return its report, or empty if no such experiment is configured
     */
    Optional<ExperimentReport> report(String experimentId);
}
