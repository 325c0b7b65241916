package org.finrec.experiment.internal;

import org.finrec.experiment.internal.log.SyncPolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(
        name = "Finrec experiment service",
        description = "Where impressions and outcomes are logged, how durably, and how long outcomes may be "
                + "attributed to the requests they follow")
@interface ExperimentServiceConfiguration {

    /** The defaults, also those of {@link ExperimentServiceSettings} when a property is absent. */
    SyncPolicy DEFAULT_SYNC_POLICY = SyncPolicy.EVERY_BATCH;
    long DEFAULT_SYNC_INTERVAL_MS = 20;
    long DEFAULT_SEGMENT_MEGABYTES = 64;
    int DEFAULT_QUEUE_CAPACITY = 65_536;
    int DEFAULT_ATTRIBUTION_REQUESTS = 250_000;
    long DEFAULT_ATTRIBUTION_HOURS = 168;
    long DEFAULT_GUARDRAIL_INTERVAL_MS = 1_000;

    @AttributeDefinition(
            name = "Log folder",
            description = "Folder of the append-only outcome log; empty means the folder 'experiments' under the "
                    + "runtime's data folder (framework property finrec.data.dir)",
            required = false)
    String log_folder() default "";

    @AttributeDefinition(
            name = "Sync policy",
            description = "EVERY_BATCH: an outcome is acknowledged after the disk confirmed it (group commit; "
                    + "survives power loss). INTERVAL: the same, with at most one disk flush per sync interval. "
                    + "NONE: acknowledged once handed to the operating system (survives a crash of the process, "
                    + "not of the machine)")
    SyncPolicy sync_policy() default SyncPolicy.EVERY_BATCH;

    @AttributeDefinition(name = "Sync interval (ms)", description = "Used by the INTERVAL policy", min = "1",
            max = "60000")
    long sync_interval_ms() default DEFAULT_SYNC_INTERVAL_MS;

    @AttributeDefinition(name = "Segment size (MB)", description = "The log rolls to a new file past this size",
            min = "1", max = "1024")
    long segment_megabytes() default DEFAULT_SEGMENT_MEGABYTES;

    @AttributeDefinition(
            name = "Queue capacity",
            description = "Records waiting for the writer; when it is full, callers wait (back pressure)",
            min = "1", max = "16777216")
    int queue_capacity() default DEFAULT_QUEUE_CAPACITY;

    @AttributeDefinition(
            name = "Attribution window: requests",
            description = "Outcomes are accepted for at most this many of the latest requests (about 200 bytes of "
                    + "heap each)",
            min = "1", max = "100000000")
    int attribution_requests() default DEFAULT_ATTRIBUTION_REQUESTS;

    @AttributeDefinition(
            name = "Attribution window: hours",
            description = "Outcomes are accepted for requests at most this old",
            min = "1", max = "8760")
    long attribution_hours() default DEFAULT_ATTRIBUTION_HOURS;

    @AttributeDefinition(
            name = "Guardrail interval (ms)",
            description = "How often the guardrails judge every running experiment",
            min = "10", max = "3600000")
    long guardrail_interval_ms() default DEFAULT_GUARDRAIL_INTERVAL_MS;

    @AttributeDefinition(
            name = "Quarantine corrupt segments",
            description = "false (the default): a corrupt outcome log (a damaged record or header that a crash "
                    + "cannot explain) stops the experiment service from starting, naming the file and byte offset, "
                    + "until the segment is restored or this is set. true: a corrupt segment is copied into the "
                    + "log's quarantine folder and cut back to its valid part, each with an error naming what was "
                    + "set aside, and the service starts without those records")
    boolean quarantine_corrupt_segments() default false;
}
