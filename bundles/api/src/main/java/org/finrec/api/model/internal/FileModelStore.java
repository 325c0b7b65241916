package org.finrec.api.model.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.finrec.api.data.Model;
import org.finrec.api.storage.PrivateFiles;
import org.finrec.api.model.ModelCodec;
import org.finrec.api.model.ModelFileException;
import org.finrec.api.model.ModelFileException.Problem;
import org.finrec.api.model.ModelLineage;
import org.finrec.api.model.ModelStore;
import org.finrec.api.model.ModelVersion;
import org.finrec.api.model.StoredModel;

/** The {@link ModelStore} on a folder of the file system. Holds nothing but the folder. */
public final class FileModelStore implements ModelStore {

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,199}");
    private static final Pattern TYPE = Pattern.compile("[a-z0-9][a-z0-9.-]{0,99}");
    private static final Pattern FILE_NAME = Pattern.compile("[0-9a-f]{" + ModelVersion.LENGTH + "}"
            + Pattern.quote(EXTENSION));
    /** Versions named in a "missing" message at most. */
    private static final int LISTED = 10;
    private static final int CHUNK = 1 << 16;

    private final Path folder;

    /**
     * Creates a store on a folder.
     *
     * @param folder the folder, which need not exist yet
     */
    public FileModelStore(Path folder) {
        this.folder = Objects.requireNonNull(folder, "folder");
    }

    @Override
    public Path folder() {
        return folder;
    }

    private Path recommenderFolder(String recommender) throws ModelFileException {
        if (recommender == null || !SEGMENT.matcher(recommender).matches()) {
            throw new ModelFileException(folder, Problem.INVALID_NAME, "recommender name '" + recommender
                    + "' cannot name a file of the model store: use 1 to 200 letters, digits, '.', '_' and '-', not"
                    + " starting with '.'");
        }
        return folder.resolve(recommender);
    }

    @Override
    public Path file(String recommender, String version) throws ModelFileException {
        Path models = recommenderFolder(recommender);
        if (!ModelVersion.isVersion(version)) {
            throw new ModelFileException(folder, Problem.INVALID_NAME, "model version '" + version + "' cannot name"
                    + " a file of the model store: a version is " + ModelVersion.LENGTH + " lowercase hex digits");
        }
        return models.resolve(version + EXTENSION);
    }

    @Override
    public <M extends Model> StoredModel save(String recommender, M model, ModelCodec<M> codec,
            ModelLineage lineage) throws ModelFileException {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(lineage, "lineage");
        Path models = recommenderFolder(recommender);
        String type = codec.type();
        int format = codec.formatVersion();
        if (type == null || !TYPE.matcher(type).matches() || format < 1) {
            throw new ModelFileException(models, Problem.INVALID_NAME, "codec " + codec.getClass().getName()
                    + " has type '" + type + "' and format version " + format + ": a type is 1 to 100 lowercase"
                    + " letters, digits, '.' and '-', a format version 1 or more");
        }
        Path temporary = models.resolve("." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
        Path target = models;
        try {
            PrivateFiles.createDirectories(models);
            byte[] pending = new FileHeader(type, format, FileHeader.PENDING, 0, lineage).encode();
            FileHeader header;
            try (FileChannel channel = PrivateFiles.createNew(temporary)) { // model files hold customer ids
                channel.position(pending.length); // the header is written last, once the payload's hash is known
                MessageDigest digest = ContentHash.start(type, format);
                PayloadOutput out = new PayloadOutput(new DigestOutputStream(Channels.newOutputStream(channel),
                        digest));
                codec.write(model, out);
                out.drain();
                header = new FileHeader(type, format, ContentHash.hex(digest), out.written(), lineage);
                ByteBuffer head = ByteBuffer.wrap(header.encode());
                while (head.hasRemaining()) {
                    channel.write(head, head.position());
                }
                channel.force(true);
            }
            target = models.resolve(header.version() + EXTENSION);
            if (!header.version().equals(model.version())) {
                throw new ModelFileException(target, Problem.CORRUPT, "not saved: the model reports version "
                        + model.version() + " but what codec " + type + " wrote hashes to " + header.version()
                        + " (a codec that is not deterministic, or a model whose version is not its content hash)");
            }
            StoredModel existing = intact(recommender, target, header);
            if (existing != null) {
                Files.delete(temporary);
                return existing;
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            forceFolder(models);
            return stored(recommender, target, header);
        } catch (ModelFileException e) {
            deleteQuietly(temporary, e);
            throw e;
        } catch (IOException | RuntimeException e) {
            deleteQuietly(temporary, e);
            throw new ModelFileException(target, Problem.UNWRITABLE, "could not be written: " + e, e);
        }
    }

    /** The file already stored for a header's version, when it is intact and of the same type; else null. */
    private StoredModel intact(String recommender, Path target, FileHeader written) {
        if (!Files.exists(target)) {
            return null;
        }
        try (FileChannel channel = FileChannel.open(target, StandardOpenOption.READ)) {
            FileHeader header = verified(target, channel, written.type(), written.formatVersion(), true);
            return stored(recommender, target, header);
        } catch (IOException e) {
            return null; // damaged or unreadable: replaced by the new file
        }
    }

    /** Makes the rename durable where the platform can force a directory (Linux can; others may refuse). */
    private static void forceFolder(Path models) {
        try (FileChannel directory = FileChannel.open(models, StandardOpenOption.READ)) {
            directory.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // the file itself is forced; only the rename may be lost by a crash on such a platform
        }
    }

    private static void deleteQuietly(Path temporary, Exception failure) {
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException cleanup) {
            failure.addSuppressed(cleanup);
        }
    }

    @Override
    public <M extends Model> M load(String recommender, String version, ModelCodec<M> codec)
            throws ModelFileException {
        Path file = resolve(recommender, version);
        try (FileChannel channel = open(recommender, file)) {
            FileHeader header = verified(file, channel, codec.type(), codec.formatVersion(), true);
            PayloadInput in = new PayloadInput(file, Channels.newInputStream(channel), header.payloadBytes());
            M model;
            try {
                model = codec.read(in, header.version());
            } catch (ModelFileException e) {
                throw e;
            } catch (IOException | RuntimeException e) {
                ModelFileException corrupt = in.corrupt("cannot be decoded by codec " + codec.type() + ": " + e);
                corrupt.initCause(e);
                throw corrupt;
            }
            if (in.remaining() != 0) {
                throw in.corrupt("codec " + codec.type() + " left " + in.remaining() + " payload bytes unread");
            }
            if (!header.version().equals(model.version())) {
                throw new IllegalStateException("codec " + codec.type() + " made a model of version "
                        + model.version() + " from " + file + ", which is version " + header.version());
            }
            return model;
        } catch (ModelFileException e) {
            throw e;
        } catch (IOException e) {
            throw new ModelFileException(file, Problem.UNREADABLE, "cannot be read: " + e, e);
        }
    }

    @Override
    public StoredModel describe(String recommender, String version) throws ModelFileException {
        Path file = resolve(recommender, version);
        return describe(recommender, file);
    }

    private StoredModel describe(String recommender, Path file) throws ModelFileException {
        try (FileChannel channel = open(recommender, file)) {
            return stored(recommender, file, verified(file, channel, null, 0, false));
        } catch (ModelFileException e) {
            throw e;
        } catch (IOException e) {
            throw new ModelFileException(file, Problem.UNREADABLE, "cannot be read: " + e, e);
        }
    }

    @Override
    public List<StoredModel> list(String recommender) throws ModelFileException {
        List<StoredModel> stored = new ArrayList<>();
        for (String version : versions(recommender)) {
            try {
                stored.add(describe(recommender, file(recommender, version)));
            } catch (ModelFileException damaged) {
                // left out, as documented: describe names the problem
            }
        }
        stored.sort(Comparator.comparing((StoredModel model) -> model.lineage().createdAt())
                .thenComparing(StoredModel::version));
        return stored;
    }

    /** The versions whose files the recommender's folder holds, sorted (none when it does not exist). */
    private List<String> versions(String recommender) throws ModelFileException {
        Path models = recommenderFolder(recommender);
        List<String> versions = new ArrayList<>();
        if (!Files.isDirectory(models)) {
            return versions;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(models, "*" + EXTENSION)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (FILE_NAME.matcher(name).matches()) {
                    versions.add(name.substring(0, ModelVersion.LENGTH));
                }
            }
        } catch (IOException e) {
            throw new ModelFileException(models, Problem.UNREADABLE, "cannot list the folder: " + e, e);
        }
        Collections.sort(versions);
        return versions;
    }

    /** The file a full version or a unique prefix names, which exists. */
    private Path resolve(String recommender, String selector) throws ModelFileException {
        Path models = recommenderFolder(recommender);
        if (ModelVersion.isVersion(selector)) {
            Path file = models.resolve(selector + EXTENSION);
            if (!Files.exists(file)) {
                throw missing(recommender, file, "no such model file");
            }
            return file;
        }
        if (!ModelVersion.isSelector(selector)) {
            throw new ModelFileException(folder, Problem.INVALID_NAME, "model version '" + selector + "' cannot"
                    + " name a file of the model store: a version is " + ModelVersion.LENGTH + " lowercase hex"
                    + " digits, or a unique prefix of at least " + ModelVersion.MIN_PREFIX + " of them");
        }
        List<String> matching = versions(recommender).stream().filter(version -> version.startsWith(selector))
                .toList();
        if (matching.isEmpty()) {
            throw missing(recommender, models, "no model version starts with " + selector);
        }
        if (matching.size() > 1) {
            throw new ModelFileException(models, Problem.AMBIGUOUS, "model version " + selector + " is ambiguous:"
                    + " it starts " + String.join(", ", matching) + "; give more digits");
        }
        return models.resolve(matching.get(0) + EXTENSION);
    }

    private ModelFileException missing(String recommender, Path file, String problem) throws ModelFileException {
        List<String> versions = versions(recommender);
        String held = versions.isEmpty() ? "no version"
                : versions.size() <= LISTED ? String.join(", ", versions)
                : String.join(", ", versions.subList(0, LISTED)) + " and " + (versions.size() - LISTED) + " more";
        return new ModelFileException(file, Problem.MISSING, problem + "; the store holds " + held
                + " for recommender " + recommender);
    }

    private FileChannel open(String recommender, Path file) throws ModelFileException {
        try {
            return FileChannel.open(file, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw missing(recommender, file, "no such model file");
        } catch (IOException e) {
            throw new ModelFileException(file, Problem.UNREADABLE, "cannot be opened: " + e, e);
        }
    }

    /**
     * Reads a file's header and checks it against the file: the model type and format (when {@code type} is not
     * null), the name, the length and, when {@code hash} is set, the payload's content hash. Leaves the channel at
     * the payload's first byte.
     */
    private static FileHeader verified(Path file, FileChannel channel, String type, int format, boolean hash)
            throws IOException {
        long size = channel.size();
        channel.position(0);
        FileHeader header = FileHeader.read(file, Channels.newInputStream(channel), size);
        if (type != null && (!header.type().equals(type) || header.formatVersion() != format)) {
            throw new ModelFileException(file, Problem.MISMATCHED, "holds a model of type " + header.type()
                    + " format " + header.formatVersion() + ", but type " + type + " format " + format
                    + " was asked for");
        }
        String name = file.getFileName().toString();
        if (!name.equals(header.version() + EXTENSION)) {
            throw new ModelFileException(file, Problem.RENAMED, "holds model version " + header.version()
                    + " but the file is named for " + name.substring(0, name.length() - EXTENSION.length())
                    + " (renamed?)");
        }
        long start = channel.position();
        long end = start + header.payloadBytes();
        if (size < end) {
            throw FileHeader.truncated(file, size, end);
        }
        if (size > end) {
            throw new ModelFileException(file, Problem.CORRUPT, (size - end) + " unexpected bytes after the end"
                    + " (byte " + end + ") the header declares");
        }
        if (hash) {
            MessageDigest digest = ContentHash.start(header.type(), header.formatVersion());
            ByteBuffer chunk = ByteBuffer.allocate(CHUNK);
            for (long at = start; at < end;) {
                chunk.clear().limit((int) Math.min(CHUNK, end - at));
                int read = channel.read(chunk, at);
                if (read < 0) {
                    throw FileHeader.truncated(file, at, end);
                }
                digest.update(chunk.flip());
                at += read;
            }
            String computed = ContentHash.hex(digest);
            if (!computed.equals(header.version())) {
                throw new ModelFileException(file, Problem.CORRUPT, "content hash mismatch: the payload hashes to "
                        + computed + ", the header says " + header.version() + ": the file is corrupt");
            }
            channel.position(start);
        }
        return header;
    }

    private static StoredModel stored(String recommender, Path file, FileHeader header) {
        return new StoredModel(recommender, header.version(), header.type(), header.formatVersion(),
                header.payloadBytes(), header.lineage(), file);
    }
}
