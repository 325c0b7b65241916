package org.finrec.runtime.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.osgi.service.feature.ID;

/**
 * Finds the JAR of a feature bundle: first in flat folders ({@code artifactId-version[-classifier].jar}, the
 * distribution's {@code bundles/} layout), then in a Maven repository layout (the local repository).
 */
public final class BundleRepository {

    private final List<Path> flatFolders;
    private final List<Path> mavenRepositories;

    /**
     * Creates a repository.
     *
     * @param flatFolders folders holding bundle JARs by file name, searched first
     * @param mavenRepositories Maven repository roots, searched next
     */
    public BundleRepository(List<Path> flatFolders, List<Path> mavenRepositories) {
        this.flatFolders = List.copyOf(flatFolders);
        this.mavenRepositories = List.copyOf(mavenRepositories);
    }

    /**
     * The local Maven repository: the {@code maven.repo.local} system property, else {@code ~/.m2/repository}.
     *
     * @return the repository root
     */
    public static Path localMavenRepository() {
        String configured = System.getProperty("maven.repo.local");
        return configured != null ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".m2", "repository");
    }

    /**
     * Finds a bundle.
     *
     * @param id the bundle's feature ID
     * @return the JAR, or empty if no folder holds it
     */
    public Optional<Path> find(ID id) {
        for (Path folder : flatFolders) {
            Path candidate = folder.resolve(fileName(id));
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        for (Path repository : mavenRepositories) {
            Path candidate = repository.resolve(id.getGroupId().replace('.', '/')).resolve(id.getArtifactId())
                    .resolve(id.getVersion()).resolve(fileName(id));
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * Lists where {@link #find} looks, for error messages.
     *
     * @return the folders, flat ones first
     */
    public List<Path> searchPath() {
        List<Path> all = new ArrayList<>(flatFolders);
        all.addAll(mavenRepositories);
        return all;
    }

    static String fileName(ID id) {
        return id.getArtifactId() + "-" + id.getVersion() + id.getClassifier().map(c -> "-" + c).orElse("") + "."
                + id.getType().orElse("jar");
    }
}
