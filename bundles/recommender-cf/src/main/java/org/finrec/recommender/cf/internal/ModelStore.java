package org.finrec.recommender.cf.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.finrec.api.InteractionKind;

/**
 * A folder of versioned model artifacts: {@code <store>/<recommender name>/<model version>.cfmodel}, one file per
 * version in the {@link ModelArtifact format} of this bundle. Saving writes a temporary file in the same folder
 * (named {@code .<version>.<random>.tmp}), forces it to disk and renames it atomically onto the artifact, so that a
 * reader sees either the old file, or the new one complete, never a partial one; the same version saved again
 * replaces the file with identical bytes. Loading verifies the artifact and that it holds the algorithm the caller
 * serves and the version its name says.
 *
 * <p>Recommender names and versions become path segments, so both must be made of letters, digits, {@code .},
 * {@code _} and {@code -}, not starting with a dot: a configuration can never make the store read or write outside
 * its folder. Thread-safe (stateless besides its folder).
 */
final class ModelStore {

    /** The extension of an artifact. */
    static final String EXTENSION = ".cfmodel";

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,199}");
    /** Versions listed in a "not found" message at most. */
    private static final int LISTED = 10;

    private final Path root;

    ModelStore(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    /**
     * The artifact of a version.
     *
     * @throws IllegalArgumentException when the name or the version cannot be a path segment
     */
    Path file(String recommender, String version) {
        return root.resolve(segment(recommender, "recommender name")).resolve(segment(version, "model version")
                + EXTENSION);
    }

    private static String segment(String value, String what) {
        if (!SEGMENT.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " '" + value + "' cannot name a file of the model store: use"
                    + " 1 to 200 letters, digits, '.', '_' and '-', not starting with '.'");
        }
        return value;
    }

    /**
     * Saves a model as {@code <store>/<recommender>/<model.version()>.cfmodel}, atomically.
     *
     * @return the artifact
     * @throws ModelArtifactException naming the artifact when it cannot be written (the folder is left without a
     *     temporary file and with the previous artifact, if any, intact)
     */
    Path save(String recommender, CfModel model, Set<InteractionKind> positiveKinds) throws ModelArtifactException {
        Path target;
        try {
            target = file(recommender, model.version());
        } catch (IllegalArgumentException e) {
            throw new ModelArtifactException(root, "cannot save: " + e.getMessage(), e);
        }
        Path folder = target.getParent();
        Path temporary = folder.resolve("." + model.version() + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
        try {
            Files.createDirectories(folder);
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE); OutputStream out = Channels.newOutputStream(channel)) {
                ModelArtifact.write(model, positiveKinds, out);
                channel.force(true);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw new ModelArtifactException(target, "could not be written: " + e, e);
        }
    }

    /**
     * Loads and verifies a stored version.
     *
     * @param recommender the recommender's name (its folder)
     * @param version the model version (the file's name)
     * @param algorithm the algorithm the caller serves
     * @return the model
     * @throws ModelArtifactException naming the artifact and the problem; when the file does not exist, the message
     *     lists the versions the folder holds
     */
    ModelArtifact.Stored load(String recommender, String version, Algorithm algorithm)
            throws ModelArtifactException {
        Path file;
        try {
            file = file(recommender, version);
        } catch (IllegalArgumentException e) {
            throw new ModelArtifactException(root, "cannot load: " + e.getMessage(), e);
        }
        if (!Files.exists(file)) {
            List<String> versions = versions(recommender);
            throw new ModelArtifactException(file, "no such model artifact; the store holds "
                    + (versions.isEmpty() ? "no version" : versions.size() <= LISTED ? String.join(", ", versions)
                            : String.join(", ", versions.subList(0, LISTED)) + " and " + (versions.size() - LISTED)
                                    + " more")
                    + " for recommender " + recommender);
        }
        return ModelArtifact.read(file, algorithm, version);
    }

    /** The versions stored for a recommender, sorted by name (none when its folder does not exist). */
    List<String> versions(String recommender) {
        Path folder = root.resolve(segment(recommender, "recommender name"));
        List<String> versions = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return versions;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*" + EXTENSION)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (!name.startsWith(".")) {
                    versions.add(name.substring(0, name.length() - EXTENSION.length()));
                }
            }
        } catch (IOException e) {
            return versions;
        }
        Collections.sort(versions);
        return versions;
    }
}
