package org.finrec.inference;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Model files that a bundle carries as resources, copied to a folder where an engine can open them, and identified
 * by their SHA-256 digest: the digest is the model's version, and a copy whose digest does not match (a partial
 * copy after a crash, a file changed on disk) is replaced.
 */
public final class ModelFiles {

    private ModelFiles() {
    }

    /**
     * A model file on disk with its digest.
     *
     * @param path the file
     * @param sha256 the lower-case hex SHA-256 digest of its content
     */
    public record ModelFile(Path path, String sha256) {
    }

    /**
     * Copies a resource to {@code folder/fileName} unless an identical copy is there, atomically (a temporary file,
     * then an atomic move), and returns it with its digest.
     *
     * @param resource the resource, for example {@code bundle.getEntry("model/x.onnx")}; not null
     * @param folder the folder, created if missing
     * @param fileName the file's name in the folder
     * @return the file and its digest
     * @throws IOException if the resource cannot be read or the file written
     */
    public static ModelFile extract(URL resource, Path folder, String fileName) throws IOException {
        if (resource == null) {
            throw new IOException("model resource " + fileName + " is missing from the bundle");
        }
        Files.createDirectories(folder);
        String expected;
        try (InputStream in = resource.openStream()) {
            expected = sha256(in);
        }
        Path target = folder.resolve(fileName);
        if (Files.isRegularFile(target)) {
            try (InputStream existing = Files.newInputStream(target)) {
                if (sha256(existing).equals(expected)) {
                    return new ModelFile(target, expected);
                }
            }
        }
        Path temporary = Files.createTempFile(folder, "." + fileName, ".part");
        try (InputStream in = resource.openStream()) {
            Files.copy(in, temporary, StandardCopyOption.REPLACE_EXISTING);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
        return new ModelFile(target, expected);
    }

    private static String sha256(InputStream in) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", missing);
        }
        try (DigestInputStream digesting = new DigestInputStream(in, digest)) {
            digesting.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
