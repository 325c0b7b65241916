package org.finrec.encoder.minilm.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.finrec.api.config.InvalidConfigurationException;
import org.junit.jupiter.api.Test;

class EncoderSettingsTest {

    @Test
    void absentPropertiesTakeTheDefaultsAndTextIsRead() {
        assertEquals(new EncoderSettings(32, 2, 256), EncoderSettings.of(Map.of()));
        assertEquals(new EncoderSettings(8, 0, 512), EncoderSettings.of(Map.of("max.batch.size", "8",
                "max.wait.ms", 0L, "max.tokens", " 512 ")));
    }

    @Test
    void aSettingOutOfRangeIsRefusedNamingThePidAndProperty() {
        for (Map<String, Object> bad : List.<Map<String, Object>>of(Map.of("max.tokens", 513),
                Map.of("max.tokens", "abc"), Map.of("max.tokens", 4), Map.of("max.batch.size", 0),
                Map.of("max.batch.size", ""), Map.of("max.batch.size", 100_000), Map.of("max.wait.ms", -1),
                Map.of("max.wait.ms", "1e3"))) {
            InvalidConfigurationException refused = assertThrows(InvalidConfigurationException.class,
                    () -> EncoderSettings.of(bad), bad::toString);
            assertEquals(MiniLmTextEncoder.PID, refused.pid());
            assertEquals(bad.keySet().iterator().next(), refused.property());
        }
    }
}
