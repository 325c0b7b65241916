package org.finrec.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.finrec.api.Customer;
import org.finrec.runtime.FinrecRuntimeException;
import org.junit.jupiter.api.Test;
import org.osgi.service.cm.ConfigurationAdmin;

class ExportedPackagesTest {

    @Test
    void readsTheVersionedExportsOfTheApiBundle() {
        String exports = ExportedPackages.of(Customer.class);

        assertTrue(exports.contains("org.finrec.api;version=\"2.0.0\""), exports);
        assertTrue(exports.contains("org.finrec.api.spi;version=\"2.0.0\""), exports);
        assertTrue(exports.contains("org.finrec.api.recommend;version="), exports);
        assertTrue(exports.contains("org.finrec.api.data;version="), exports);
    }

    @Test
    void readsTheConfigurationAdminApiExport() {
        assertTrue(ExportedPackages.of(ConfigurationAdmin.class).contains("org.osgi.service.cm;version=\"1.6"));
    }

    @Test
    void aClassOutsideABundleIsRejectedWithItsLocation() {
        FinrecRuntimeException failure = assertThrows(FinrecRuntimeException.class,
                () -> ExportedPackages.of(ExportedPackagesTest.class));
        assertTrue(failure.getMessage().contains("test-classes"), failure.getMessage());
    }
}
