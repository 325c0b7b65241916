package org.finrec.api.model.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.TreeMap;
import java.util.zip.CRC32;
import org.finrec.api.model.ModelFileException;
import org.finrec.api.model.ModelFileException.Problem;
import org.finrec.api.model.ModelLineage;
import org.finrec.api.model.ModelStore;
import org.finrec.api.model.ModelVersion;

/**
 * The part of a model file before its payload, as {@link ModelStore} documents it: magic, file format, header
 * length, header fields, header checksum.
 */
record FileHeader(String type, int formatVersion, String version, long payloadBytes, ModelLineage lineage) {

    static final byte[] MAGIC = {(byte) 0x89, 'F', 'R', 'M', '\r', '\n', 0x1A, '\n'};
    static final int FILE_FORMAT = 1;
    /** Magic, file format and header length. */
    static final int PRELUDE = MAGIC.length + Integer.BYTES + Integer.BYTES;
    static final int MAX_HEADER = 1 << 20;
    /** A stand-in for the version while the payload is written, of the real one's length. */
    static final String PENDING = "0".repeat(ModelVersion.LENGTH);

    /** Where the payload starts: after the prelude, the header fields and their checksum. */
    static long payloadStart(int headerBytes) {
        return PRELUDE + headerBytes + Integer.BYTES;
    }

    /** Everything before the payload. */
    byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        PayloadOutput out = new PayloadOutput(bytes);
        try {
            out.writeString(type);
            out.writeInt(formatVersion);
            out.writeString(version);
            out.writeLong(payloadBytes);
            out.writeString(lineage.trainer());
            out.writeInt(lineage.parameters().size());
            for (var parameter : lineage.parameters().entrySet()) {
                out.writeString(parameter.getKey());
                out.writeString(parameter.getValue());
            }
            out.writeString(lineage.datasetName());
            out.writeString(lineage.datasetFingerprint());
            out.writeLong(lineage.createdAt().toEpochMilli());
            out.writeString(lineage.finrecVersion());
            out.drain();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        byte[] fields = bytes.toByteArray();
        if (fields.length > MAX_HEADER) {
            throw new IllegalArgumentException("the lineage takes " + fields.length + " bytes, more than the "
                    + MAX_HEADER + " a header may");
        }
        ByteBuffer file = ByteBuffer.allocate((int) payloadStart(fields.length));
        file.put(MAGIC).putInt(FILE_FORMAT).putInt(fields.length).put(fields);
        CRC32 crc = new CRC32();
        crc.update(file.array(), 0, file.position());
        file.putInt((int) crc.getValue());
        return file.array();
    }

    /**
     * Reads and checks everything before the payload.
     *
     * @param in the file from its first byte
     * @param size the file's size in bytes
     */
    static FileHeader read(Path file, InputStream in, long size) throws IOException {
        byte[] prelude = in.readNBytes(PRELUDE);
        int magic = Math.min(prelude.length, MAGIC.length);
        if (!Arrays.equals(prelude, 0, magic, MAGIC, 0, magic)) {
            throw new ModelFileException(file, Problem.CORRUPT, "bad magic number: not a Finrec model file");
        }
        if (prelude.length < PRELUDE) {
            throw new ModelFileException(file, Problem.TRUNCATED, "truncated at byte " + size + " (a model file"
                    + " starts with " + PRELUDE + " bytes of magic number, file format and header length)");
        }
        ByteBuffer view = ByteBuffer.wrap(prelude);
        int format = view.getInt(MAGIC.length);
        if (format != FILE_FORMAT) {
            throw new ModelFileException(file, Problem.CORRUPT, "file format " + format + " is not supported (this"
                    + " Finrec reads format " + FILE_FORMAT + ")");
        }
        int length = view.getInt(MAGIC.length + Integer.BYTES);
        if (length < 0 || length > MAX_HEADER) {
            throw new ModelFileException(file, Problem.CORRUPT, "a header of " + length + " bytes");
        }
        byte[] fields = in.readNBytes(length);
        byte[] stored = in.readNBytes(Integer.BYTES);
        if (fields.length < length || stored.length < Integer.BYTES) {
            throw truncated(file, size, payloadStart(length));
        }
        CRC32 crc = new CRC32();
        crc.update(prelude);
        crc.update(fields);
        int expected = ByteBuffer.wrap(stored).getInt();
        if (expected != (int) crc.getValue()) {
            throw new ModelFileException(file, Problem.CORRUPT, String.format("header checksum mismatch (stored"
                    + " CRC32 %08x, computed %08x): the file is corrupt", expected, (int) crc.getValue()));
        }
        PayloadInput header = new PayloadInput(file, new java.io.ByteArrayInputStream(fields), length);
        try {
            String type = header.readString();
            int formatVersion = header.readInt();
            String version = header.readString();
            long payloadBytes = header.readLong();
            String trainer = header.readString();
            int parameterCount = header.readCount(2 * Integer.BYTES);
            TreeMap<String, String> parameters = new TreeMap<>();
            for (int k = 0; k < parameterCount; k++) {
                parameters.put(header.readString(), header.readString());
            }
            String datasetName = header.readString();
            String fingerprint = header.readString();
            Instant createdAt = Instant.ofEpochMilli(header.readLong());
            String finrecVersion = header.readString();
            if (header.remaining() != 0) {
                throw header.corrupt(header.remaining() + " unexpected header bytes");
            }
            if (!ModelVersion.isVersion(version) || formatVersion < 1 || payloadBytes < 0) {
                throw new IllegalArgumentException("version " + version + ", format " + formatVersion + ", "
                        + payloadBytes + " payload bytes");
            }
            return new FileHeader(type, formatVersion, version, payloadBytes, new ModelLineage(trainer, parameters,
                    datasetName, fingerprint, createdAt, finrecVersion));
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(file, Problem.CORRUPT, "the header does not describe a model: "
                    + e.getMessage(), e);
        } catch (ModelFileException e) {
            throw new ModelFileException(file, Problem.CORRUPT, "the header does not describe a model: "
                    + e.getMessage().substring(file.toString().length() + 2), e);
        }
    }

    static ModelFileException truncated(Path file, long size, long declared) {
        return new ModelFileException(file, Problem.TRUNCATED, "truncated at byte " + size + " (the header declares "
                + declared + " bytes)");
    }
}
