package org.finrec.experiment.internal;

import static org.finrec.experiment.internal.ExperimentFixtures.definition;
import static org.finrec.experiment.internal.ExperimentFixtures.request;
import static org.finrec.experiment.internal.ExperimentFixtures.response;
import static org.finrec.experiment.internal.ExperimentFixtures.service;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.finrec.api.Customer;
import org.finrec.api.experiment.Assignment;
import org.finrec.api.experiment.ExperimentReport;
import org.finrec.api.experiment.Outcome;
import org.finrec.api.experiment.OutcomeKind;
import org.finrec.api.experiment.OutcomeRejectedException;
import org.finrec.api.experiment.VariantReport;
import org.finrec.api.experiment.VariantState;
import org.finrec.api.recommend.RecommendationRequest;
import org.finrec.api.recommend.RequestContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentManagerTest {

    @TempDir
    Path folder;

    private ExperimentManager manager;

    @AfterEach
    void close() {
        if (manager != null) {
            manager.deactivate();
        }
    }

    private ExperimentManager start(ExperimentDefinition... definitions) throws IOException {
        manager = new ExperimentManager(service(Map.of()), folder);
        for (ExperimentDefinition definition : definitions) {
            manager.bindExperiment(new ExperimentComponent(definition));
        }
        return manager;
    }

    private ExperimentManager restart(ExperimentDefinition... definitions) throws IOException {
        manager.deactivate();
        return start(definitions);
    }

    /** Serves one request under its assignment and records the impression; returns the assignment. */
    private Assignment serve(String requestId, String customerId, boolean fallback) {
        Assignment assignment = manager.assign(request(requestId, customerId));
        manager.recordImpression(assignment, response(requestId, customerId, assignment, fallback));
        return assignment;
    }

    private VariantReport variant(String name) {
        return manager.report("ranker").orElseThrow().variant(name).orElseThrow();
    }

    private boolean click(String requestId, String productId) {
        return manager.recordOutcome(new Outcome(requestId, productId, OutcomeKind.CLICK, Instant.now()));
    }

    @Test
    void assignmentIsStickyAndFollowsTheWeights() throws IOException {
        start(definition(Map.of("variants", new String[] {
            "control:90:" + ExperimentFixtures.CONTROL_FILTER, "treatment:10:" + ExperimentFixtures.TREATMENT_FILTER})));
        int treated = 0;
        for (int customer = 0; customer < 20_000; customer++) {
            Assignment first = manager.assign(request("r", "c" + customer));
            assertEquals(first, manager.assign(request("r2", "c" + customer)));
            if (first.variant().equals("treatment")) {
                treated++;
                assertEquals(Optional.of(ExperimentFixtures.TREATMENT_FILTER), first.recommenderFilter());
            }
        }
        assertEquals(0.10, treated / 20_000.0, 0.015);
    }

    @Test
    void ineligibleRequestsStayOutsideTheExperiment() throws IOException {
        start(definition(Map.of("eligibility", "(&(channel=mobile)(segment=individual))")));
        Customer individual = Customer.builder("c1").segment("individual").build();
        RecommendationRequest mobile = RecommendationRequest.builder(individual)
                .context(RequestContext.of("mobile", "home")).build();
        RecommendationRequest branch = RecommendationRequest.builder(individual)
                .context(RequestContext.of("branch", "desk")).build();
        assertTrue(manager.assign(mobile).inExperiment());
        assertEquals(Assignment.NONE, manager.assign(branch));
    }

    @Test
    void outcomesCountOncePerRequestAndKind() throws IOException {
        start(definition(Map.of()));
        Assignment assignment = serve("r1", "c1", false);
        manager.flush();
        assertTrue(click("r1", "p1"));
        assertFalse(click("r1", "p1"), "the same outcome again is a duplicate");
        assertTrue(click("r1", "p2"), "another product of the same response is a new outcome");
        VariantReport report = variant(assignment.variant());
        assertEquals(1, report.impressions());
        assertEquals(1, report.clickThroughRate().orElseThrow().successes(), "clicks count per response");
        assertEquals(0, report.conversionRate().orElseThrow().successes());
    }

    @Test
    void outcomesOfUnknownRequestsOrProductsAreRejectedWithTheReason() throws IOException {
        start(definition(Map.of()));
        serve("r1", "c1", false);
        OutcomeRejectedException unknown = assertThrows(OutcomeRejectedException.class, () -> click("r9", "p1"));
        assertTrue(unknown.getMessage().contains("request r9 is unknown"), unknown.getMessage());
        OutcomeRejectedException notShown = assertThrows(OutcomeRejectedException.class, () -> click("r1", "p7"));
        assertTrue(notShown.getMessage().contains("product p7 was not recommended"), notShown.getMessage());
    }

    @Test
    void outcomesAreAcceptedOnlyForTheLatestRequestsOfTheAttributionWindow() throws IOException {
        manager = new ExperimentManager(service(Map.of("attribution.requests", 2)), folder);
        manager.bindExperiment(new ExperimentComponent(definition(Map.of())));
        serve("r1", "c1", false);
        serve("r2", "c2", false);
        serve("r3", "c3", false);
        manager.flush();
        OutcomeRejectedException old = assertThrows(OutcomeRejectedException.class, () -> click("r1", "p1"));
        assertTrue(old.getMessage().contains("outside the attribution window (the last 2 requests"),
                old.getMessage());
        assertTrue(click("r2", "p1"));
        assertTrue(click("r3", "p1"));
    }

    @Test
    void statisticsAndOutcomeWindowSurviveARestart() throws IOException {
        ExperimentDefinition definition = definition(Map.of());
        start(definition);
        for (int request = 0; request < 200; request++) {
            serve("r" + request, "c" + request, false);
        }
        assertTrue(click("r7", "p1"));
        ExperimentReport before = manager.report("ranker").orElseThrow();

        restart(definition);
        ExperimentReport after = manager.report("ranker").orElseThrow();
        for (VariantReport variant : before.variants()) {
            VariantReport reloaded = after.variant(variant.name()).orElseThrow();
            assertEquals(variant.impressions(), reloaded.impressions());
            assertEquals(variant.rates(), reloaded.rates());
        }
        assertFalse(click("r7", "p1"), "the outcome recorded before the restart is known after it");
        assertTrue(click("r8", "p1"), "requests served before the restart still take outcomes");
    }

    /**
     * With repeat visitors (3,000 requests of 150 customers, each clicking at a rate of their own) and a running
     * minimum well below the last look (the treatment clicked far more often for the first 400 requests, less
     * afterwards), a restart
     * rebuilds from the log exactly the comparisons that live recording gave: difference, interval, fixed-horizon
     * and always-valid p-values.
     */
    @Test
    void comparisonsByCustomerReplayAsTheyWereRecorded() throws IOException {
        ExperimentDefinition definition = definition(Map.of("mixing.variance", 0.01));
        start(definition);
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        for (int request = 0; request < 3_000; request++) {
            int customer = (int) Math.min(149, Math.floor(150 * Math.pow(random.nextDouble(), 2))); // skewed
            String requestId = "r" + request;
            Assignment assignment = serve(requestId, "c" + customer, false);
            double rate = 0.05 + 0.1 * (customer % 3);
            if (assignment.variant().equals("treatment")) {
                rate = request < 400 ? 0.5 : Math.max(0.0, rate - 0.07); // about even by the end
            }
            if (random.nextDouble() < rate) {
                manager.flush();
                assertTrue(click(requestId, customer % 2 == 0 ? "p1" : "p2"));
                if (random.nextDouble() < 0.3) {
                    manager.flush();
                    manager.recordOutcome(new Outcome(requestId, "p1", OutcomeKind.PURCHASE, Instant.now()));
                }
            }
        }
        manager.flush();
        ExperimentReport before = manager.report("ranker").orElseThrow();
        Map<OutcomeKind, org.finrec.api.experiment.Comparison> recorded =
                before.variant("treatment").orElseThrow().versusControl();
        assertTrue(recorded.get(OutcomeKind.CLICK).alwaysValidPValue() < 0.01, recorded::toString);
        assertTrue(recorded.get(OutcomeKind.CLICK).pValue() > 0.01,
                "the last look alone shows less than the running minimum: " + recorded);

        restart(definition);
        ExperimentReport after = manager.report("ranker").orElseThrow();
        for (VariantReport variant : before.variants()) {
            VariantReport replayed = after.variant(variant.name()).orElseThrow();
            assertEquals(variant.impressions(), replayed.impressions());
            assertEquals(variant.rates(), replayed.rates());
            assertEquals(variant.versusControl(), replayed.versusControl(), variant.name());
        }
    }

    @Test
    void aCorruptLogStopsTheServiceWithWhatToDoAndQuarantineStartsItWithoutTheDamagedPart() throws IOException {
        ExperimentDefinition definition = definition(Map.of());
        start(definition);
        for (int request = 0; request < 200; request++) {
            serve("r" + request, "c" + request, false);
        }
        manager.deactivate();
        manager = null;
        Path segment = folder.resolve("outcomes-000001.log");
        byte[] bytes = Files.readAllBytes(segment);
        bytes[400] = (byte) ~bytes[400]; // inside an early record: valid records follow it
        Files.write(segment, bytes);

        IOException refused = assertThrows(IOException.class,
                () -> new ExperimentManager(service(Map.of()), folder));
        assertTrue(refused.getMessage().contains(segment.toString()), refused.getMessage());
        assertTrue(refused.getMessage().contains("quarantine.corrupt.segments=true"), refused.getMessage());
        assertArrayEquals(bytes, Files.readAllBytes(segment), "a refused log is left as it is");

        manager = new ExperimentManager(service(Map.of("quarantine.corrupt.segments", true)), folder);
        manager.bindExperiment(new ExperimentComponent(definition));
        long impressions = manager.report("ranker").orElseThrow().variants().stream()
                .mapToLong(VariantReport::impressions).sum();
        assertTrue(impressions < 200, "the impressions after the damage are set aside: " + impressions);
        try (var quarantined = Files.list(folder.resolve("quarantine"))) {
            assertEquals(1, quarantined.count());
        }
        serve("after", "c-after", false);
        restart(definition);
        assertEquals(impressions + 1, manager.report("ranker").orElseThrow().variants().stream()
                .mapToLong(VariantReport::impressions).sum(), "the repaired log takes new records and replays");
    }

    @Test
    void aTreatmentThatFailsTooOftenIsHaltedAndItsCustomersGoToTheControl() throws IOException {
        start(definition(Map.of()));
        for (int request = 0; request < 400; request++) {
            String customer = "c" + request;
            Assignment assignment = manager.assign(request("r" + request, customer));
            if (assignment.variant().equals("treatment") && request % 10 == 0) {
                manager.recordFailure(assignment, "r" + request, "recommender failed");
            } else {
                manager.recordImpression(assignment, response("r" + request, customer, assignment, false));
            }
        }
        manager.flush();
        manager.checkGuardrails();

        VariantReport treatment = variant("treatment");
        assertEquals(VariantState.HALTED, treatment.state());
        assertTrue(treatment.haltReason().orElseThrow().startsWith("error rate"), treatment.haltReason()::toString);
        Assignment routed = manager.assign(request("r-next", firstTreatedCustomer()));
        assertEquals("control", routed.variant());
        assertEquals(Optional.of("treatment"), routed.routedFrom());
        assertEquals(Optional.of(ExperimentFixtures.CONTROL_FILTER), routed.recommenderFilter());

        restart(definition(Map.of()));
        assertEquals(VariantState.HALTED, variant("treatment").state(), "a halt survives a restart");
        restart(definition(Map.of("variants", new String[] {"control:60:" + ExperimentFixtures.CONTROL_FILTER,
            "treatment:40:" + ExperimentFixtures.TREATMENT_FILTER})));
        assertEquals(VariantState.SERVING, variant("treatment").state(), "a changed configuration resumes it");
    }

    @Test
    void aTreatmentWithSignificantlyFewerClicksIsHalted() throws IOException {
        start(definition(Map.of()));
        for (int request = 0; request < 6_000; request++) {
            String requestId = "r" + request;
            Assignment assignment = serve(requestId, "c" + request, false);
            // control: every third response clicked; treatment: every twentieth
            int every = assignment.variant().equals("control") ? 3 : 20;
            if (request % every == 0) {
                manager.flush();
                click(requestId, "p1");
            }
        }
        manager.checkGuardrails();
        VariantReport treatment = variant("treatment");
        assertEquals(VariantState.HALTED, treatment.state());
        assertTrue(treatment.haltReason().orElseThrow().startsWith("click-through rate"),
                treatment.haltReason()::toString);
        assertTrue(treatment.versusControl().get(OutcomeKind.CLICK).alwaysValidPValue() < 0.01);
    }

    /**
     * Serves 1,000 requests in two phases (the treatment clicked far more often for the first 200, then less, so
     * that both end with about the same click-through rate), reading every report after each {@code readEvery}
     * requests (0: never), and returns the treatment's always-valid p-values per outcome kind at the end.
     */
    private Map<OutcomeKind, Double> alwaysValidPValuesAfterTwoPhases(Path logFolder, int readEvery)
            throws IOException {
        ExperimentManager experiments = new ExperimentManager(service(Map.of("sync.policy", "NONE")), logFolder);
        try {
            experiments.bindExperiment(new ExperimentComponent(definition(Map.of("mixing.variance", 0.01))));
            for (int request = 0; request < 1_000; request++) {
                String requestId = "r" + request;
                Assignment assignment = experiments.assign(request(requestId, "c" + request));
                experiments.recordImpression(assignment, response(requestId, "c" + request, assignment, false));
                boolean treatment = assignment.variant().equals("treatment");
                int every = !treatment ? 10 : request < 200 ? 2 : 30;
                if (request % every == 0) {
                    experiments.flush();
                    experiments.recordOutcome(new Outcome(requestId, "p1", OutcomeKind.CLICK, Instant.now()));
                }
                if (readEvery > 0 && request % readEvery == 0) {
                    experiments.flush();
                    experiments.reports();
                }
            }
            experiments.flush();
            Map<OutcomeKind, Double> pValues = new EnumMap<>(OutcomeKind.class);
            experiments.report("ranker").orElseThrow().variant("treatment").orElseThrow().versusControl()
                    .forEach((kind, comparison) -> pValues.put(kind, comparison.alwaysValidPValue()));
            for (int read = 0; read < 20; read++) {
                experiments.reports();
            }
            experiments.report("ranker").orElseThrow().variant("treatment").orElseThrow().versusControl()
                    .forEach((kind, comparison) -> assertEquals(pValues.get(kind), comparison.alwaysValidPValue(),
                            "reading again changed the " + kind + " p-value"));
            return pValues;
        } finally {
            experiments.deactivate();
        }
    }

    @Test
    void readingReportsChangesNoAlwaysValidPValue() throws IOException {
        Map<OutcomeKind, Double> readOnce = alwaysValidPValuesAfterTwoPhases(folder.resolve("once"), 0);
        Map<OutcomeKind, Double> readOften = alwaysValidPValuesAfterTwoPhases(folder.resolve("often"), 10);

        assertEquals(readOnce, readOften);
        // the running minimum follows the observations: the first phase's strong difference is remembered
        assertTrue(readOnce.get(OutcomeKind.CLICK) < 0.01, readOnce::toString);
    }

    @Test
    void similarVariantsAreNotHalted() throws IOException {
        start(definition(Map.of()));
        for (int request = 0; request < 4_000; request++) {
            String requestId = "r" + request;
            serve(requestId, "c" + request, request % 50 == 0);
            if (request % 5 == 0) {
                manager.flush();
                click(requestId, "p2");
            }
        }
        manager.checkGuardrails();
        assertEquals(VariantState.SERVING, variant("treatment").state());
        assertEquals(0.2, variant("treatment").clickThroughRate().orElseThrow().estimate(), 0.03);
    }

    @Test
    void aShadowIsReportedButNeverAssignedToServe() throws IOException {
        start(definition(Map.of("shadow", "candidate:(finrec.recommender.name=als)")));
        Assignment assignment = manager.assign(request("r1", "c1"));
        assertEquals(Optional.of("candidate"), assignment.shadowVariant());
        manager.recordShadow(assignment, response("r1", "c1", assignment, false), java.util.List.of("p2", "p9"));
        manager.flush();
        VariantReport shadow = variant("candidate");
        assertEquals(VariantState.SHADOW, shadow.state());
        assertEquals(1, shadow.impressions());
        assertEquals(0.5, shadow.shadowOverlap().orElseThrow(), 1e-9);
    }

    /** The first customer whose bucket belongs to the treatment, whether it serves or is halted. */
    private String firstTreatedCustomer() {
        for (int customer = 0; customer < 1_000; customer++) {
            Assignment assignment = manager.assign(request("probe", "c" + customer));
            if (assignment.variant().equals("treatment") || assignment.routedFrom().isPresent()) {
                return "c" + customer;
            }
        }
        throw new AssertionError("no customer of the first 1,000 is in the treatment");
    }

    @Test
    void invalidConfigurationsNameThePropertyAndProblem() {
        Map<String, Object> badWeight = new HashMap<>(Map.of("variants",
                new String[] {"control:x:(a=b)", "treatment:1:(a=c)"}));
        IllegalArgumentException weight = assertThrows(IllegalArgumentException.class,
                () -> definition(badWeight));
        assertEquals("test configuration: property 'variants[0]' weight must be a whole number, got 'x'",
                weight.getMessage());
        IllegalArgumentException filter = assertThrows(IllegalArgumentException.class,
                () -> definition(Map.of("variants", new String[] {"control:1:(a=b)", "treatment:1:(a=c"})));
        assertTrue(filter.getMessage().startsWith("test configuration: property 'variants[1]' malformed OSGi filter"),
                filter.getMessage());
        IllegalArgumentException single = assertThrows(IllegalArgumentException.class,
                () -> definition(Map.of("variants", new String[] {"control:1:(a=b)"})));
        assertTrue(single.getMessage().contains("'variants' needs a control and at least one treatment"));
        IllegalArgumentException duplicate = assertThrows(IllegalArgumentException.class,
                () -> definition(Map.of("variants", new String[] {"a:1:(a=b)", "a:1:(a=c)"})));
        assertTrue(duplicate.getMessage().contains("'a' is used twice"));
    }
}
