package org.finrec.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.feature.FeatureService;
import org.osgi.service.feature.ID;

class BundleRepositoryTest {

    private static final FeatureService FEATURES = ServiceLoader.load(FeatureService.class).findFirst().orElseThrow();

    @Test
    void flatFoldersComeBeforeTheMavenRepository(@TempDir Path root) throws IOException {
        Path flat = Files.createDirectories(root.resolve("bundles"));
        Path maven = root.resolve("m2");
        Path inMaven = Files.createDirectories(maven.resolve("org/example/demo/1.2.0")).resolve("demo-1.2.0.jar");
        Files.writeString(inMaven, "maven");
        BundleRepository repository = new BundleRepository(List.of(flat), List.of(maven));
        ID id = FEATURES.getIDfromMavenCoordinates("org.example:demo:1.2.0");

        assertEquals(inMaven, repository.find(id).orElseThrow());

        Path inFlat = Files.writeString(flat.resolve("demo-1.2.0.jar"), "flat");
        assertEquals(inFlat, repository.find(id).orElseThrow());
    }

    @Test
    void classifierAndTypeBecomePartOfTheFileName(@TempDir Path root) throws IOException {
        Path jar = Files.writeString(root.resolve("natives-2.7.1-linux-x86_64.zip"), "zip");
        BundleRepository repository = new BundleRepository(List.of(root), List.of());

        assertEquals(jar, repository.find(
                FEATURES.getIDfromMavenCoordinates("org.example:natives:zip:linux-x86_64:2.7.1")).orElseThrow());
        assertTrue(repository.find(FEATURES.getIDfromMavenCoordinates("org.example:natives:2.7.1")).isEmpty());
    }
}
