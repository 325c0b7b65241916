package org.finrec.experiment.internal;

import java.util.Map;
import org.finrec.api.config.ConfigurationReader;
import org.finrec.api.config.InvalidConfigurationException;
import org.finrec.experiment.internal.log.SyncPolicy;

/**
 * The experiment service's settings, read and checked from its configuration as it arrives, before the outcome
 * log is touched.
 *
 * @param logFolder the log's folder; empty for the default under the runtime's data folder
 * @param syncPolicy how durably an outcome is acknowledged
 * @param syncIntervalMillis the INTERVAL policy's longest time between disk flushes
 * @param segmentMegabytes the size from which the log starts a new segment file
 * @param queueCapacity how many records may wait for the log's writer
 * @param attributionRequests how many recent requests outcomes may be reported for
 * @param attributionHours how old a request may be for an outcome to count
 * @param guardrailIntervalMillis how often the guardrails look at the statistics
 * @param quarantineCorruptSegments whether a corrupt segment is quarantined instead of stopping the service
 */
record ExperimentServiceSettings(String logFolder, SyncPolicy syncPolicy, long syncIntervalMillis,
        long segmentMegabytes, int queueCapacity, int attributionRequests, long attributionHours,
        long guardrailIntervalMillis, boolean quarantineCorruptSegments) {

    /** A flush a minute apart already risks a minute of acknowledged outcomes on power loss. */
    static final long MAX_SYNC_INTERVAL_MS = 60_000;
    /** Segments of up to 1 GiB: recovery reads a whole segment, and copies one into quarantine. */
    static final long MAX_SEGMENT_MEGABYTES = 1_024;
    /** 16 million queued records: hundreds of megabytes of heap in the worst case, never an overflow. */
    static final int MAX_QUEUE_CAPACITY = 1 << 24;
    /** The window of requests held in memory for attribution, each with its recommended products. */
    static final int MAX_ATTRIBUTION_REQUESTS = 100_000_000;
    /** A year: outcomes later than that are not a consequence of the recommendation. */
    static final long MAX_ATTRIBUTION_HOURS = 8_760;
    static final long MIN_GUARDRAIL_INTERVAL_MS = 10;
    /** An hour: a guardrail that looks less often cannot stop a harmful treatment in time. */
    static final long MAX_GUARDRAIL_INTERVAL_MS = 3_600_000;

    /**
     * Reads the settings.
     *
     * @param properties the component properties as Declarative Services passes them
     * @return the settings, the defaults of {@link ExperimentServiceConfiguration} where a property is absent
     * @throws InvalidConfigurationException naming the PID, property and value of a setting out of range
     */
    static ExperimentServiceSettings of(Map<String, ?> properties) {
        ConfigurationReader reader = ConfigurationReader.of(ExperimentManager.PID, properties);
        return new ExperimentServiceSettings(reader.optionalText("log.folder", ""),
                reader.choice("sync.policy", SyncPolicy.class, ExperimentServiceConfiguration.DEFAULT_SYNC_POLICY),
                reader.longInteger("sync.interval.ms", ExperimentServiceConfiguration.DEFAULT_SYNC_INTERVAL_MS, 1,
                        MAX_SYNC_INTERVAL_MS),
                reader.longInteger("segment.megabytes", ExperimentServiceConfiguration.DEFAULT_SEGMENT_MEGABYTES, 1,
                        MAX_SEGMENT_MEGABYTES),
                reader.integer("queue.capacity", ExperimentServiceConfiguration.DEFAULT_QUEUE_CAPACITY, 1,
                        MAX_QUEUE_CAPACITY),
                reader.integer("attribution.requests", ExperimentServiceConfiguration.DEFAULT_ATTRIBUTION_REQUESTS,
                        1, MAX_ATTRIBUTION_REQUESTS),
                reader.longInteger("attribution.hours", ExperimentServiceConfiguration.DEFAULT_ATTRIBUTION_HOURS, 1,
                        MAX_ATTRIBUTION_HOURS),
                reader.longInteger("guardrail.interval.ms",
                        ExperimentServiceConfiguration.DEFAULT_GUARDRAIL_INTERVAL_MS, MIN_GUARDRAIL_INTERVAL_MS,
                        MAX_GUARDRAIL_INTERVAL_MS),
                reader.flag("quarantine.corrupt.segments", false));
    }
}
