package org.finrec.experiment.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.finrec.api.config.InvalidConfigurationException;
import org.junit.jupiter.api.Test;
import org.osgi.util.converter.Converters;

class ExperimentServiceSettingsTest {

    @Test
    void theDefaultsAreThoseOfTheMetatype() {
        ExperimentServiceConfiguration typed = Converters.standardConverter().convert(Map.of())
                .to(ExperimentServiceConfiguration.class);

        assertEquals(new ExperimentServiceSettings(typed.log_folder(), typed.sync_policy(), typed.sync_interval_ms(),
                typed.segment_megabytes(), typed.queue_capacity(), typed.attribution_requests(),
                typed.attribution_hours(), typed.guardrail_interval_ms(), typed.quarantine_corrupt_segments()),
                ExperimentServiceSettings.of(Map.of()));
    }

    @Test
    void aSettingOutOfRangeIsRefusedNamingThePidAndPropertyBeforeTheLogIsTouched() {
        for (Map<String, Object> bad : List.<Map<String, Object>>of(Map.of("sync.policy", "ALWAYS"),
                Map.of("sync.interval.ms", 0), Map.of("segment.megabytes", 1L << 44),
                Map.of("segment.megabytes", ""), Map.of("queue.capacity", -5), Map.of("attribution.requests", "1e6"),
                Map.of("attribution.hours", 100_000), Map.of("guardrail.interval.ms", 1),
                Map.of("quarantine.corrupt.segments", "yes"))) {
            InvalidConfigurationException refused = assertThrows(InvalidConfigurationException.class,
                    () -> ExperimentServiceSettings.of(bad), bad::toString);
            assertEquals(ExperimentManager.PID, refused.pid());
            assertEquals(bad.keySet().iterator().next(), refused.property());
        }
    }
}
