package org.finrec.inference.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.finrec.api.config.InvalidConfigurationException;
import org.finrec.inference.internal.InferenceConfiguration.DeviceChoice;
import org.junit.jupiter.api.Test;

class InferenceSettingsTest {

    @Test
    void absentPropertiesTakeTheDefaultsAndTextIsRead() {
        assertEquals(new InferenceSettings(DeviceChoice.AUTO, 0, "", 0), InferenceSettings.of(Map.of()));
        InferenceSettings read = InferenceSettings.of(Map.of("device", "gpu", "gpu.index", "1",
                "cache.folder", " /opt/djl ", "memory.budget.mb", 2048L));
        assertEquals(new InferenceSettings(DeviceChoice.GPU, 1, "/opt/djl", 2048), read);
        assertEquals(2048L << 20, read.memoryBudgetBytes());
    }

    @Test
    void aSettingOutOfRangeIsRefusedNamingThePidAndProperty() {
        for (Map<String, Object> bad : List.<Map<String, Object>>of(Map.of("device", "TPU"), Map.of("device", ""),
                Map.of("gpu.index", -1), Map.of("gpu.index", 64), Map.of("memory.budget.mb", -1),
                Map.of("memory.budget.mb", "lots"), Map.of("memory.budget.mb", Long.MAX_VALUE))) {
            InvalidConfigurationException refused = assertThrows(InvalidConfigurationException.class,
                    () -> InferenceSettings.of(bad), bad::toString);
            assertEquals(InferenceEngine.PID, refused.pid());
            assertEquals(bad.keySet().iterator().next(), refused.property());
        }
    }
}
