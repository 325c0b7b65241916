package org.finrec.experiment.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.finrec.api.concurrent.NamedThreads;
import org.finrec.api.config.ConfigurationReader;
import org.finrec.api.config.InvalidConfigurationException;
import org.finrec.api.experiment.Assignment;
import org.finrec.api.experiment.Comparison;
import org.finrec.api.experiment.ExperimentReport;
import org.finrec.api.experiment.ExperimentService;
import org.finrec.api.experiment.Outcome;
import org.finrec.api.experiment.OutcomeKind;
import org.finrec.api.experiment.OutcomeRejectedException;
import org.finrec.api.experiment.Proportion;
import org.finrec.api.experiment.VariantReport;
import org.finrec.api.experiment.VariantState;
import org.finrec.api.recommend.RecommendationRequest;
import org.finrec.api.recommend.RecommendationResponse;
import org.finrec.experiment.internal.log.CorruptLogException;
import org.finrec.experiment.internal.log.LogRecord;
import org.finrec.experiment.internal.log.LogRecord.AllocationRecord;
import org.finrec.experiment.internal.log.LogRecord.FailureRecord;
import org.finrec.experiment.internal.log.LogRecord.ImpressionRecord;
import org.finrec.experiment.internal.log.LogRecord.OutcomeRecord;
import org.finrec.experiment.internal.log.LogRecord.ShadowRecord;
import org.finrec.experiment.internal.log.LogSettings;
import org.finrec.experiment.internal.log.OutcomeLog;
import org.finrec.experiment.internal.log.RecordRejectedException;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link ExperimentService}: runs every configured {@link ExperimentComponent experiment}, writes impressions,
 * failures, shadow rankings, outcomes and allocation changes to the crash-safe {@link OutcomeLog}, rebuilds its
 * statistics from that log on start, and halts treatments that trip a guardrail.
 */
@Component(service = ExperimentService.class, configurationPid = ExperimentManager.PID, immediate = true,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = ExperimentServiceConfiguration.class)
public final class ExperimentManager implements ExperimentService {

    static final String PID = "org.finrec.experiment.service";
    /** Quarantining stops after this many corrupt segments in one start: beyond it, the disk is failing. */
    private static final int MAX_QUARANTINED_SEGMENTS = 16;
    /** Framework property naming the runtime's data folder, the default parent of the log folder. */
    static final String DATA_FOLDER_PROPERTY = "finrec.data.dir";

    private static final Logger LOG = LoggerFactory.getLogger(ExperimentManager.class);
    private static final Comparator<RunningExperiment> PRECEDENCE = Comparator
            .comparingInt((RunningExperiment experiment) -> experiment.definition().priority()).reversed()
            .thenComparing(RunningExperiment::id);

    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            cardinality = ReferenceCardinality.OPTIONAL)
    private volatile EventAdmin eventAdmin;

    /** This bundle, to tell a configuration deleted from the bundle stopping; null in unit tests. */
    private final Bundle bundle;
    private final ExperimentLedger ledger;
    /** Set once the log is closed: Declarative Services unbinds the experiments after deactivation. */
    private volatile boolean deactivated;
    private final OutcomeLog log;
    private final ScheduledExecutorService guardrails;
    /** Which configured experiment each component defines; guarded by {@code this}. */
    private final Map<ExperimentComponent, String> components = new IdentityHashMap<>();
    private volatile List<RunningExperiment> running = List.of();
    private final AtomicLong unloggedRecords = new AtomicLong();
    /** The settings the service started with; null in unit tests that pass a typed configuration. */
    private final ExperimentServiceSettings settings;
    /** The future of the latest record appended without waiting, for {@link #flush()}. */
    private volatile CompletableFuture<Boolean> latestAppend = CompletableFuture.completedFuture(true);

    /**
     * Activates the service: checks the configuration before the log is touched, then opens the log and replays
     * it into the statistics.
     *
     * @throws InvalidConfigurationException when a setting is out of range, naming the PID, property and value
     * @throws IOException when the log cannot be opened, or is corrupt and not to be quarantined
     */
    @Activate
    public ExperimentManager(ExperimentServiceConfiguration configuration, Map<String, Object> properties,
            BundleContext context) throws IOException {
        // the arguments are evaluated in order: the settings are checked before anything touches the log folder
        this(configuration, ExperimentServiceSettings.of(properties), logFolder(configuration, context),
                context.getBundle());
    }

    /**
     * Refuses a configuration change with a setting out of range, logging its PID and property; the service goes
     * on with the log it has open. A valid change of the log's settings applies when the service next starts
     * (a restart of its bundle or of the runtime): the log is never closed and reopened under traffic, and the
     * warning says so.
     */
    @Modified
    void modified(Map<String, Object> properties) {
        ConfigurationReader.readChange(() -> ExperimentServiceSettings.of(properties), refused ->
                LOG.error("{}; the experiment service keeps its settings {}", refused.getMessage(), settings))
                .filter(next -> settings != null && !next.equals(settings))
                .ifPresent(next -> LOG.warn("Configuration {} changed to {}: it applies when the experiment service "
                        + "next starts; until then it keeps {}", PID, next, settings));
    }

    /** Constructor for tests: the log in a given folder. */
    ExperimentManager(ExperimentServiceConfiguration configuration, Path logFolder) throws IOException {
        this(configuration, null, logFolder, null);
    }

    private ExperimentManager(ExperimentServiceConfiguration configuration, ExperimentServiceSettings checked,
            Path logFolder, Bundle bundle) throws IOException {
        this.settings = checked;
        this.bundle = bundle;
        long started = System.nanoTime();
        LogSettings settings = new LogSettings(configuration.sync_policy(), configuration.sync_interval_ms(),
                configuration.segment_megabytes() << 20, configuration.queue_capacity());
        OpenedLog opened = openLog(configuration, logFolder, settings);
        this.log = opened.log();
        this.ledger = opened.ledger();
        LOG.info("Outcome log {} opened in {} ms ({} requests open for outcomes)", logFolder,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), ledger.requestsInWindow());
        this.guardrails = Executors.newSingleThreadScheduledExecutor(
                NamedThreads.named("finrec-experiment-guardrails"));
        guardrails.scheduleWithFixedDelay(this::checkGuardrails, configuration.guardrail_interval_ms(),
                configuration.guardrail_interval_ms(), TimeUnit.MILLISECONDS);
    }

    /** The opened log and the ledger its records were replayed into. */
    private record OpenedLog(OutcomeLog log, ExperimentLedger ledger) {
    }

    /**
     * Opens the outcome log, replaying it into a fresh ledger; a corrupt log fails the activation with the file,
     * the offset and what to do, or, with {@code quarantine.corrupt.segments}, is quarantined one corrupt segment
     * at a time (each with an error) and opened again.
     */
    private static OpenedLog openLog(ExperimentServiceConfiguration configuration, Path logFolder,
            LogSettings settings) throws IOException {
        int quarantined = 0;
        while (true) {
            ExperimentLedger replayed = new ExperimentLedger(configuration.attribution_requests(),
                    configuration.attribution_hours());
            try {
                return new OpenedLog(OutcomeLog.open(logFolder, settings, replayed), replayed);
            } catch (CorruptLogException corrupt) {
                if (!configuration.quarantine_corrupt_segments()) {
                    throw new CorruptLogException(corrupt.file(), corrupt.offset(), corrupt.problem()
                            + ". The experiment service does not start on a damaged log: restore the segment from a "
                            + "backup, or set " + PID + " quarantine.corrupt.segments=true to set the damaged part "
                            + "aside and start without its records");
                }
                if (++quarantined > MAX_QUARANTINED_SEGMENTS) {
                    throw corrupt;
                }
                Path copy = OutcomeLog.quarantine(corrupt);
                LOG.error("{}. Quarantined (quarantine.corrupt.segments=true): the segment is cut back to its {} valid"
                        + " bytes and its whole former content is kept in {}; the records after byte offset {} of it"
                        + " are missing from every experiment report from now on", corrupt.getMessage(),
                        corrupt.offset(), copy, corrupt.offset());
            }
        }
    }

    private static Path logFolder(ExperimentServiceConfiguration configuration, BundleContext context) {
        if (!configuration.log_folder().isBlank()) {
            return Path.of(configuration.log_folder());
        }
        String dataFolder = context.getProperty(DATA_FOLDER_PROPERTY);
        if (dataFolder == null || dataFolder.isBlank()) {
            throw new IllegalStateException("Neither configuration " + PID + " property log.folder nor framework "
                    + "property " + DATA_FOLDER_PROPERTY + " names a folder for the outcome log");
        }
        return Path.of(dataFolder, "experiments");
    }

    @Deactivate
    void deactivate() {
        deactivated = true;
        guardrails.shutdownNow();
        log.close();
    }

    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            cardinality = ReferenceCardinality.MULTIPLE)
    synchronized void bindExperiment(ExperimentComponent component) {
        install(component);
    }

    synchronized void updatedExperiment(ExperimentComponent component) {
        install(component);
    }

    synchronized void unbindExperiment(ExperimentComponent component) {
        String id = components.remove(component);
        // a stopping bundle (an update, a shutdown) takes every experiment away without anyone removing them
        boolean stopping = deactivated || bundle != null && bundle.getState() == Bundle.STOPPING;
        if (id != null && !stopping) {
            List<RunningExperiment> remaining = new ArrayList<>(running);
            remaining.removeIf(experiment -> experiment.id().equals(id));
            running = List.copyOf(remaining);
            audit(id, ExperimentLedger.REMOVED, "no longer configured");
        }
    }

    private void install(ExperimentComponent component) {
        ExperimentDefinition definition = component.definition();
        String previousId = components.get(component);
        for (Map.Entry<ExperimentComponent, String> other : components.entrySet()) {
            if (other.getKey() != component && other.getValue().equals(definition.id())) {
                LOG.error("Two configurations define experiment {}; the second is ignored", definition.id());
                return;
            }
        }
        RunningExperiment experiment = new RunningExperiment(definition);
        List<RunningExperiment> updated = new ArrayList<>(running);
        updated.removeIf(existing -> existing.id().equals(definition.id()) || existing.id().equals(previousId));
        updated.add(experiment);
        updated.sort(PRECEDENCE);
        components.put(component, definition.id());
        if (previousId != null && !previousId.equals(definition.id())) {
            audit(previousId, ExperimentLedger.REMOVED, "renamed to " + definition.id());
        }
        ExperimentLedger.SequentialTest test = new ExperimentLedger.SequentialTest(definition.control().name(),
                definition.variants().subList(1, definition.variants().size()).stream()
                        .map(ExperimentDefinition.Variant::name).toList(),
                definition.guardrails().mixingVariance());
        ledger.follow(definition.id(), test);
        if (!ledger.fingerprint(definition.id()).equals(Optional.of(definition.fingerprint()))) {
            // the test at the end, so that a replay observes the records as they were observed live
            audit(definition.id(), ExperimentLedger.CONFIGURED,
                    definition.fingerprint() + " " + experiment.describe() + test.auditText());
        }
        running = List.copyOf(updated);
    }

    /** Writes an allocation change to the log (waiting until it is durable), then posts it as an event. */
    private void audit(String experimentId, String change, String detail) {
        try {
            log.append(new AllocationRecord(System.currentTimeMillis(), experimentId, change, detail)).get();
        } catch (ExecutionException | RuntimeException failure) {
            LOG.error("Could not log the allocation change of experiment {}: {} {}", experimentId, change, detail,
                    failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        LOG.info("Experiment {} {}: {}", experimentId, change, detail);
        EventAdmin events = eventAdmin;
        if (events != null) {
            events.postEvent(new Event(ALLOCATION_TOPIC, Map.of(EVENT_EXPERIMENT, experimentId, EVENT_CHANGE, change,
                    EVENT_DETAIL, detail)));
        }
    }

    @Override
    public Assignment assign(RecommendationRequest request) {
        for (RunningExperiment experiment : running) {
            if (experiment.admits(request)) {
                return experiment.assign(request, variant -> ledger.isHalted(experiment.id(), variant));
            }
        }
        return Assignment.NONE;
    }

    @Override
    public void recordImpression(Assignment assignment, RecommendationResponse response) {
        List<String> productIds = response.recommendations().stream()
                .map(recommendation -> recommendation.product().id()).toList();
        appendWithoutWaiting(new ImpressionRecord(System.currentTimeMillis(), response.requestId(),
                response.customerId(), assignment.experimentId(), assignment.variant(),
                assignment.routedFrom().orElse(""), response.isFallback(), productIds, response.servedBy()));
    }

    @Override
    public void recordFailure(Assignment assignment, String requestId, String reason) {
        appendWithoutWaiting(new FailureRecord(System.currentTimeMillis(), requestId, assignment.experimentId(),
                assignment.variant(), reason));
    }

    @Override
    public void recordShadow(Assignment assignment, RecommendationResponse response, List<String> shadowRanking) {
        Set<String> served = new HashSet<>();
        response.recommendations().forEach(recommendation -> served.add(recommendation.product().id()));
        long shared = shadowRanking.stream().filter(served::contains).count();
        double overlap = shadowRanking.isEmpty() ? 0 : (double) shared / shadowRanking.size();
        appendWithoutWaiting(new ShadowRecord(System.currentTimeMillis(), response.requestId(),
                assignment.experimentId(), assignment.shadowVariant().orElseThrow(), shadowRanking, overlap));
    }

    /**
     * Logs a record the facade produced, without a force of its own (the next outcome's force covers it, so an
     * impression is durable before any outcome reported for it); a failure to log must not fail the request that was
     * already served.
     */
    private void appendWithoutWaiting(LogRecord record) {
        try {
            CompletableFuture<Boolean> appended = log.appendDeferred(record);
            appended.whenComplete((written, failure) -> {
                if (failure != null) {
                    countUnlogged(failure);
                }
            });
            latestAppend = appended;
        } catch (RuntimeException failure) {
            countUnlogged(failure);
        }
    }

    private void countUnlogged(Throwable failure) {
        if (unloggedRecords.getAndIncrement() % 10_000 == 0) {
            LOG.error("The outcome log could not take a record ({} so far): {}", unloggedRecords.get(),
                    failure.toString());
        }
    }

    @Override
    public boolean recordOutcome(Outcome outcome) {
        CompletableFuture<Boolean> written;
        try {
            written = log.append(new OutcomeRecord(System.currentTimeMillis(), outcome.requestId(),
                    outcome.productId(), outcome.kind(), outcome.occurredAt().toEpochMilli()));
        } catch (RuntimeException closed) {
            throw new OutcomeRejectedException("Outcome of request " + outcome.requestId() + " not recorded: "
                    + closed.getMessage(), closed);
        }
        try {
            return written.get();
        } catch (ExecutionException failed) {
            Throwable cause = failed.getCause();
            throw new OutcomeRejectedException(cause instanceof RecordRejectedException
                    ? cause.getMessage()
                    : "Outcome of request " + outcome.requestId() + " not recorded: " + cause, cause);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new OutcomeRejectedException("Interrupted while recording an outcome of request "
                    + outcome.requestId() + "; it may or may not have been recorded, so retry it", interrupted);
        }
    }

    @Override
    public List<ExperimentReport> reports() {
        List<ExperimentReport> reports = new ArrayList<>();
        running.stream().sorted(Comparator.comparing(RunningExperiment::id)).forEach(e -> reports.add(report(e)));
        return reports;
    }

    @Override
    public Optional<ExperimentReport> report(String experimentId) {
        return running.stream().filter(experiment -> experiment.id().equals(experimentId)).findFirst()
                .map(this::report);
    }

    private ExperimentReport report(RunningExperiment experiment) {
        ExperimentDefinition definition = experiment.definition();
        String id = definition.id();
        ExperimentDefinition.Variant control = definition.control();
        List<VariantReport> variants = new ArrayList<>();
        for (int i = 0; i < definition.variants().size(); i++) {
            ExperimentDefinition.Variant variant = definition.variants().get(i);
            ExperimentLedger.VariantCounters counters = ledger.variant(id, variant.name());
            Map<OutcomeKind, Proportion> rates = rates(counters);
            Map<OutcomeKind, Comparison> versusControl = new EnumMap<>(OutcomeKind.class);
            if (i > 0) {
                for (OutcomeKind kind : OutcomeKind.values()) {
                    versusControl.put(kind, ledger.compare(id, variant.name(), control.name(), kind,
                            definition.guardrails().mixingVariance()));
                }
            }
            Optional<String> haltReason = ledger.haltReason(id, variant.name());
            variants.add(new VariantReport(variant.name(), i == 0,
                    haltReason.isPresent() ? VariantState.HALTED : VariantState.SERVING, experiment.share(i),
                    counters.impressions, counters.failures, counters.fallbacks, counters.routedImpressions, rates,
                    versusControl, OptionalDouble.empty(), haltReason));
        }
        definition.shadow().ifPresent(shadow -> {
            ExperimentLedger.VariantCounters counters = ledger.variant(id, shadow.name());
            long rankings = counters.shadowRankings;
            variants.add(new VariantReport(shadow.name(), false, VariantState.SHADOW, 0, rankings, 0, 0, 0,
                    Map.of(), Map.of(),
                    rankings == 0 ? OptionalDouble.empty() : OptionalDouble.of(counters.shadowOverlapSum / rankings),
                    Optional.empty()));
        });
        return new ExperimentReport(id, Instant.now(), definition.plannedImpressions(), variants);
    }

    private static Map<OutcomeKind, Proportion> rates(ExperimentLedger.VariantCounters counters) {
        Map<OutcomeKind, Proportion> rates = new EnumMap<>(OutcomeKind.class);
        for (OutcomeKind kind : OutcomeKind.values()) {
            rates.put(kind, counters.rate(kind));
        }
        return rates;
    }


    /** Halts every serving treatment that trips a guardrail; runs periodically. */
    void checkGuardrails() {
        try {
            for (RunningExperiment experiment : running) {
                ExperimentDefinition definition = experiment.definition();
                for (ExperimentDefinition.Variant variant : definition.variants().subList(1,
                        definition.variants().size())) {
                    if (!ledger.isHalted(definition.id(), variant.name())) {
                        guardrailBreach(ledger, definition, variant)
                                .ifPresent(reason -> halt(definition.id(), variant.name(), reason));
                    }
                }
            }
        } catch (RuntimeException failure) {
            LOG.error("Guardrail check failed", failure);
        }
    }

    /**
     * Why a treatment trips a guardrail now, or empty. The click-through guardrail compares with the customer as
     * the unit ({@link ExperimentLedger#compare}): it halts on the running minimum of the always-valid p-value of
     * the delta-method comparison, so repeat visitors do not make identical variants look different.
     */
    static Optional<String> guardrailBreach(ExperimentLedger ledger, ExperimentDefinition definition,
            ExperimentDefinition.Variant variant) {
        ExperimentDefinition.Guardrails limits = definition.guardrails();
        ExperimentLedger.VariantCounters control = ledger.variant(definition.id(), definition.control().name());
        ExperimentLedger.VariantCounters counters = ledger.variant(definition.id(), variant.name());
        long impressions = counters.impressions;
        long failures = counters.failures;
        long requests = impressions + failures;
        if (requests < limits.minimumImpressions()) {
            return Optional.empty();
        }
        double errorRate = (double) failures / requests;
        if (errorRate > limits.errorRate()) {
            return Optional.of(String.format(Locale.ROOT, "error rate %.2f%% of %d requests is above "
                    + "the guardrail of %.2f%%", 100 * errorRate, requests, 100 * limits.errorRate()));
        }
        double fallbackRate = impressions == 0 ? 0 : (double) counters.fallbacks / impressions;
        if (fallbackRate > limits.fallbackRate()) {
            return Optional.of(String.format(Locale.ROOT, "fallback rate %.2f%% of %d responses is "
                    + "above the guardrail of %.2f%%", 100 * fallbackRate, impressions, 100 * limits.fallbackRate()));
        }
        if (control.impressions < limits.minimumImpressions()) {
            return Optional.empty();
        }
        Comparison clicks = ledger.compare(definition.id(), variant.name(), definition.control().name(),
                OutcomeKind.CLICK, limits.mixingVariance());
        if (clicks.difference() < 0 && clicks.alwaysValidPValue() < limits.significance()) {
            return Optional.of(String.format(Locale.ROOT, "click-through rate is %.2f points below the "
                    + "control's (always-valid p = %.4f < %.4f)", -100 * clicks.difference(),
                    clicks.alwaysValidPValue(), limits.significance()));
        }
        return Optional.empty();
    }

    private void halt(String experimentId, String variant, String reason) {
        LOG.warn("Guardrail: experiment {} variant {} is halted and its customers go to the control: {}",
                experimentId, variant, reason);
        audit(experimentId, ExperimentLedger.HALTED, variant + ": " + reason);
    }

    /**
     * Waits until the records this thread appended without waiting are in the statistics (the log writes in order,
     * so waiting for the latest is enough).
     */
    void flush() {
        latestAppend.exceptionally(failure -> false).join();
    }

    /** How many impressions, failures or shadow rankings the log could not take. */
    long unloggedRecords() {
        return unloggedRecords.get();
    }
}
