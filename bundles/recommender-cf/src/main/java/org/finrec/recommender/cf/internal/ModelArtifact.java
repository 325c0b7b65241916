package org.finrec.recommender.cf.internal;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;
import org.finrec.api.InteractionKind;

/**
 * The binary format of a stored collaborative-filtering model ({@code .cfmodel}, format version {@value
 * #FORMAT_VERSION}): everything scoring and explaining need, so that a loaded model scores and explains
 * bit-identically to the one that was saved, and nothing that can be derived. Big-endian, as {@link
 * DataOutputStream} writes it:
 *
 * <pre>
 * header   magic (8 bytes: 0x89 'F' 'R' 'C' 'F' '\r' '\n' 0x1A), format version (int), file length in bytes
 *          including header and trailer (long)
 * model    algorithm (string), model version (string), positive interaction kinds (int n, n strings, sorted)
 * matrix   customers u (int), products i (int), u customer ids, i product ids, i product names (strings),
 *          row offsets (int[u + 1]), row entries (int[]): the feedback matrix's CSR; its CSC is rebuilt on loading
 * USER_KNN similarity (string), neighbours (int); profiles and norms are rebuilt from the matrix
 * ITEM_KNN similarity (string), neighbours (int), rule (string), neighbour offsets (int[i + 1]), neighbour ids
 *          (int[]), similarities (float[])
 * ALS      factors f (int), alpha (double), lambda (double), lambda per entry (boolean), product factors
 *          (float[i * f]), their Gram matrix (double[f * f])
 * BPR      factors f (int), fold-in (string), regularisation (double), seed (long), customer factors
 *          (float[u * f]), product factors (float[i * f]), product biases (float[i])
 * trailer  CRC32 of every byte before it (int)
 * </pre>
 *
 * A string is its UTF-8 length (int) and bytes; an array its length (int) and values; doubles and floats keep
 * their exact bits. Writing the same model twice gives the same bytes (no time stamp).
 *
 * <p>Reading checks, in this order, and names the file and the problem in a {@link ModelArtifactException}: the
 * magic number, the format version, the length the header declares against the file's ("truncated at byte N"),
 * the checksum over everything before the trailer ("checksum mismatch"), then while parsing the algorithm and the
 * version against what the caller expects, and finally that the arrays describe a consistent model. The checksum
 * is verified in a first streaming pass before anything is parsed, so a damaged length field can never make the
 * reader allocate absurd arrays. CRC32 detects accidental damage (disk, copy, truncation), not deliberate
 * tampering; protect the store's folder like the bank's other model files.
 */
final class ModelArtifact {

    /** The first eight bytes of every artifact (PNG-style: a non-ASCII byte, a name, CR LF and EOF guards). */
    static final byte[] MAGIC = {(byte) 0x89, 'F', 'R', 'C', 'F', '\r', '\n', 0x1A};
    /** The format this class writes and the only one it reads. */
    static final int FORMAT_VERSION = 1;
    /** Magic, format version and file length. */
    static final int HEADER_BYTES = MAGIC.length + Integer.BYTES + Long.BYTES;
    /** The CRC32 of everything before it. */
    static final int TRAILER_BYTES = Integer.BYTES;

    private static final int CHUNK = 1 << 16;

    private ModelArtifact() {
    }

    /**
     * A model as stored: the model and the interaction kinds that count as positive when the component describes
     * a customer by the events of their session.
     */
    record Stored(CfModel model, Set<InteractionKind> positiveKinds) {
        Stored {
            positiveKinds = Set.copyOf(positiveKinds);
        }
    }

    /**
     * Writes a model. The body is encoded twice, first only to count its bytes for the header's length, then for
     * real; the stream is flushed, not closed.
     *
     * @return the number of bytes written
     */
    static long write(CfModel model, Set<InteractionKind> positiveKinds, OutputStream target) throws IOException {
        CountingOutputStream dry = new CountingOutputStream(OutputStream.nullOutputStream());
        DataOutputStream counting = new DataOutputStream(dry);
        writeBody(counting, model, positiveKinds);
        counting.flush();
        long length = HEADER_BYTES + dry.count + TRAILER_BYTES;

        CRC32 crc = new CRC32();
        CountingOutputStream written = new CountingOutputStream(new CheckedOutputStream(target, crc));
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(written, CHUNK));
        out.write(MAGIC);
        out.writeInt(FORMAT_VERSION);
        out.writeLong(length);
        writeBody(out, model, positiveKinds);
        out.flush();
        out.writeInt((int) crc.getValue());
        out.flush();
        if (written.count != length) {
            throw new IllegalStateException("wrote " + written.count + " bytes, the header declares " + length);
        }
        return length;
    }

    private static void writeBody(DataOutputStream out, CfModel model, Set<InteractionKind> positiveKinds)
            throws IOException {
        Algorithm algorithm = model.algorithm();
        writeString(out, algorithm.name());
        writeString(out, model.version());
        TreeSet<String> kinds = new TreeSet<>();
        positiveKinds.forEach(kind -> kinds.add(kind.name()));
        out.writeInt(kinds.size());
        for (String kind : kinds) {
            writeString(out, kind);
        }
        FeedbackMatrix matrix = model.matrix();
        out.writeInt(matrix.users());
        out.writeInt(matrix.items());
        for (int u = 0; u < matrix.users(); u++) {
            writeString(out, matrix.userId(u));
        }
        for (int i = 0; i < matrix.items(); i++) {
            writeString(out, matrix.itemId(i));
        }
        for (int i = 0; i < matrix.items(); i++) {
            writeString(out, matrix.itemName(i));
        }
        writeInts(out, matrix.userStart);
        writeInts(out, matrix.userItems);
        switch (algorithm) {
            case USER_KNN: {
                UserKnnModel knn = (UserKnnModel) model;
                writeString(out, knn.similarity().name());
                out.writeInt(knn.neighbours());
                break;
            }
            case ITEM_KNN: {
                ItemKnnModel knn = (ItemKnnModel) model;
                writeString(out, knn.similarity().name());
                out.writeInt(knn.neighbours());
                writeString(out, knn.rule().name());
                writeInts(out, knn.neighbourStart());
                writeInts(out, knn.neighbourIds());
                writeFloats(out, knn.neighbourSims());
                break;
            }
            case ALS: {
                AlsModel als = (AlsModel) model;
                out.writeInt(als.items().factors());
                out.writeLong(Double.doubleToRawLongBits(als.alpha()));
                out.writeLong(Double.doubleToRawLongBits(als.lambda()));
                out.writeBoolean(als.lambdaPerEntry());
                writeFloats(out, als.items().values());
                writeDoubles(out, als.itemGram());
                break;
            }
            default: {
                BprModel bpr = (BprModel) model;
                out.writeInt(bpr.items().factors());
                writeString(out, bpr.foldIn().name());
                out.writeLong(Double.doubleToRawLongBits(bpr.regularization()));
                out.writeLong(bpr.seed());
                writeFloats(out, bpr.users().values());
                writeFloats(out, bpr.items().values());
                writeFloats(out, bpr.biases());
                break;
            }
        }
    }

    private static void writeString(DataOutputStream out, String value) throws IOException {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static void writeInts(DataOutputStream out, int[] values) throws IOException {
        out.writeInt(values.length);
        ByteBuffer chunk = ByteBuffer.allocate(CHUNK);
        for (int from = 0; from < values.length; from += CHUNK / Integer.BYTES) {
            int count = Math.min(CHUNK / Integer.BYTES, values.length - from);
            chunk.clear();
            chunk.asIntBuffer().put(values, from, count);
            out.write(chunk.array(), 0, count * Integer.BYTES);
        }
    }

    private static void writeFloats(DataOutputStream out, float[] values) throws IOException {
        out.writeInt(values.length);
        ByteBuffer chunk = ByteBuffer.allocate(CHUNK);
        for (int from = 0; from < values.length; from += CHUNK / Float.BYTES) {
            int count = Math.min(CHUNK / Float.BYTES, values.length - from);
            chunk.clear();
            chunk.asFloatBuffer().put(values, from, count);
            out.write(chunk.array(), 0, count * Float.BYTES);
        }
    }

    private static void writeDoubles(DataOutputStream out, double[] values) throws IOException {
        out.writeInt(values.length);
        ByteBuffer chunk = ByteBuffer.allocate(CHUNK);
        for (int from = 0; from < values.length; from += CHUNK / Double.BYTES) {
            int count = Math.min(CHUNK / Double.BYTES, values.length - from);
            chunk.clear();
            chunk.asDoubleBuffer().put(values, from, count);
            out.write(chunk.array(), 0, count * Double.BYTES);
        }
    }

    /**
     * Reads and verifies an artifact.
     *
     * @param file the artifact
     * @param expectedAlgorithm the algorithm the caller serves, or null to accept any
     * @param expectedVersion the version the caller asked for (the file's name), or null to accept any
     * @return the model
     * @throws ModelArtifactException naming the file and the problem
     */
    static Stored read(Path file, Algorithm expectedAlgorithm, String expectedVersion) throws ModelArtifactException {
        long length;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            length = verify(file, channel);
        } catch (ModelArtifactException e) {
            throw e;
        } catch (NoSuchFileException e) {
            throw new ModelArtifactException(file, "no such file", e);
        } catch (IOException e) {
            throw new ModelArtifactException(file, "cannot be read: " + e, e);
        }
        Input in = null;
        try (InputStream stream = Files.newInputStream(file)) {
            in = new Input(file, stream, length - TRAILER_BYTES);
            Stored stored = parse(in, expectedAlgorithm, expectedVersion);
            if (in.position() != length - TRAILER_BYTES) {
                throw in.corrupt((length - TRAILER_BYTES - in.position()) + " bytes of the body were not read");
            }
            return stored;
        } catch (ModelArtifactException e) {
            throw e;
        } catch (EOFException e) {
            throw new ModelArtifactException(file, "truncated at byte " + (in == null ? 0 : in.position()), e);
        } catch (IOException e) {
            throw new ModelArtifactException(file, "cannot be read: " + e, e);
        } catch (IllegalArgumentException e) {
            throw new ModelArtifactException(file, "corrupt model: " + e.getMessage(), e);
        }
    }

    /** Checks magic, format version, length and checksum; returns the file's length. */
    private static long verify(Path file, FileChannel channel) throws IOException {
        long size = channel.size();
        ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
        while (header.hasRemaining() && channel.read(header) >= 0) {
            // fill
        }
        header.flip();
        int got = header.remaining();
        for (int k = 0; k < Math.min(got, MAGIC.length); k++) {
            if (header.get(k) != MAGIC[k]) {
                throw new ModelArtifactException(file, "not a Finrec collaborative-filtering model (bad magic number)");
            }
        }
        if (got < HEADER_BYTES) {
            throw new ModelArtifactException(file, "truncated at byte " + size + " (shorter than the " + HEADER_BYTES
                    + "-byte header)");
        }
        int format = header.getInt(MAGIC.length);
        if (format != FORMAT_VERSION) {
            throw new ModelArtifactException(file, "format version " + format + " is not supported (this reader"
                    + " reads version " + FORMAT_VERSION + ")");
        }
        long declared = header.getLong(MAGIC.length + Integer.BYTES);
        if (declared < HEADER_BYTES + TRAILER_BYTES) {
            throw new ModelArtifactException(file, "corrupt header: it declares a length of " + declared + " bytes");
        }
        if (size < declared) {
            throw new ModelArtifactException(file, "truncated at byte " + size + " (the header declares " + declared
                    + " bytes)");
        }
        if (size > declared) {
            throw new ModelArtifactException(file, (size - declared) + " unexpected bytes after the end the header"
                    + " declares at byte " + declared);
        }
        CRC32 crc = new CRC32();
        ByteBuffer buffer = ByteBuffer.allocate(1 << 20);
        long position = 0;
        long end = declared - TRAILER_BYTES;
        while (position < end) {
            buffer.clear();
            buffer.limit((int) Math.min(buffer.capacity(), end - position));
            int read = channel.read(buffer, position);
            if (read < 0) {
                throw new ModelArtifactException(file, "truncated at byte " + position);
            }
            buffer.flip();
            crc.update(buffer);
            position += read;
        }
        ByteBuffer trailer = ByteBuffer.allocate(TRAILER_BYTES);
        while (trailer.hasRemaining()) {
            if (channel.read(trailer, end + trailer.position()) < 0) {
                throw new ModelArtifactException(file, "truncated at byte " + (end + trailer.position()));
            }
        }
        int stored = trailer.getInt(0);
        int computed = (int) crc.getValue();
        if (stored != computed) {
            throw new ModelArtifactException(file, String.format("checksum mismatch (stored CRC32 %08x, computed"
                    + " %08x over bytes 0..%d): the file is corrupt", stored, computed, end));
        }
        return declared;
    }

    private static Stored parse(Input in, Algorithm expectedAlgorithm, String expectedVersion) throws IOException {
        in.skipHeader();
        String algorithmName = in.readString();
        Algorithm algorithm = in.parse(Algorithm.class, algorithmName, "algorithm");
        if (expectedAlgorithm != null && algorithm != expectedAlgorithm) {
            throw in.problem("algorithm " + algorithm + " in file but " + expectedAlgorithm + " configured");
        }
        String version = in.readString();
        if (expectedVersion != null && !version.equals(expectedVersion)) {
            throw in.problem("model version " + version + " in file but the file is named for " + expectedVersion
                    + " (renamed?)");
        }
        int kindCount = in.readCount(Integer.BYTES);
        EnumSet<InteractionKind> kinds = EnumSet.noneOf(InteractionKind.class);
        for (int k = 0; k < kindCount; k++) {
            kinds.add(in.parse(InteractionKind.class, in.readString(), "interaction kind"));
        }
        int users = in.readCount(Integer.BYTES);
        int items = in.readCount(Integer.BYTES);
        String[] userIds = in.readStrings(users);
        String[] itemIds = in.readStrings(items);
        String[] itemNames = in.readStrings(items);
        int[] userStart = in.readInts(users + 1L);
        int[] userItems = in.readInts(userStart[users]);
        FeedbackMatrix matrix = FeedbackMatrix.of(userIds, itemIds, itemNames, userStart, userItems);
        CfModel model;
        switch (algorithm) {
            case USER_KNN: {
                Similarity similarity = in.parse(Similarity.class, in.readString(), "similarity");
                int neighbours = in.readInt();
                model = UserKnnModel.of(version, matrix, similarity, neighbours);
                break;
            }
            case ITEM_KNN: {
                Similarity similarity = in.parse(Similarity.class, in.readString(), "similarity");
                int neighbours = in.readInt();
                ItemKnnModel.Rule rule = in.parse(ItemKnnModel.Rule.class, in.readString(), "item kNN rule");
                int[] start = in.readInts(items + 1L);
                int[] ids = in.readInts(start[items]);
                float[] sims = in.readFloats(start[items]);
                model = new ItemKnnModel(version, matrix, similarity, neighbours, rule, start, ids, sims);
                break;
            }
            case ALS: {
                int factors = in.readFactors(items);
                double alpha = Double.longBitsToDouble(in.readLong());
                double lambda = Double.longBitsToDouble(in.readLong());
                boolean perEntry = in.readBoolean();
                DenseFactors itemFactors = new DenseFactors(items, factors);
                in.readFloats(itemFactors.values());
                double[] gram = in.readDoubles((long) factors * factors);
                model = new AlsModel(version, matrix, itemFactors, gram, alpha, lambda, perEntry);
                break;
            }
            default: {
                int factors = in.readFactors((long) users + items);
                BprModel.FoldIn foldIn = in.parse(BprModel.FoldIn.class, in.readString(), "fold-in");
                double regularization = Double.longBitsToDouble(in.readLong());
                long seed = in.readLong();
                DenseFactors userFactors = new DenseFactors(users, factors);
                in.readFloats(userFactors.values());
                DenseFactors itemFactors = new DenseFactors(items, factors);
                in.readFloats(itemFactors.values());
                float[] bias = in.readFloats(items);
                model = new BprModel(version, matrix, userFactors, itemFactors, bias, foldIn,
                        regularization, seed);
                break;
            }
        }
        return new Stored(model, kinds);
    }

    /** The body of an artifact, read with its position known, every count checked against the bytes left. */
    private static final class Input {
        private final Path file;
        private final long end;
        private final CountingInputStream counter;
        private final DataInputStream data;
        private final byte[] chunk = new byte[CHUNK];

        Input(Path file, InputStream stream, long end) {
            this.file = file;
            this.end = end;
            this.counter = new CountingInputStream(new BufferedInputStream(stream, CHUNK));
            this.data = new DataInputStream(counter);
        }

        long position() {
            return counter.count;
        }

        ModelArtifactException problem(String problem) {
            return new ModelArtifactException(file, problem);
        }

        ModelArtifactException corrupt(String problem) {
            return new ModelArtifactException(file, "corrupt model at byte " + position() + ": " + problem);
        }

        void skipHeader() throws IOException {
            data.readFully(chunk, 0, HEADER_BYTES);
        }

        int readInt() throws IOException {
            return data.readInt();
        }

        long readLong() throws IOException {
            return data.readLong();
        }

        boolean readBoolean() throws IOException {
            return data.readBoolean();
        }

        /** A count of items that take at least {@code bytesEach} bytes each. */
        int readCount(int bytesEach) throws IOException {
            int count = data.readInt();
            if (count < 0 || (long) count * bytesEach > end - position()) {
                throw corrupt("a count of " + count + " does not fit in the " + (end - position())
                        + " bytes left");
            }
            return count;
        }

        /** A number of latent factors, checked to fit {@code rows} rows of floats in the bytes left. */
        int readFactors(long rows) throws IOException {
            int factors = data.readInt();
            if (factors < 1 || rows * factors * Float.BYTES > end - position()) {
                throw corrupt(factors + " factors for " + rows + " rows do not fit in the " + (end - position())
                        + " bytes left");
            }
            return factors;
        }

        <E extends Enum<E>> E parse(Class<E> type, String name, String what) throws ModelArtifactException {
            try {
                return Enum.valueOf(type, name);
            } catch (IllegalArgumentException e) {
                throw corrupt("unknown " + what + " '" + name + "'");
            }
        }

        String readString() throws IOException {
            int length = readCount(1);
            byte[] bytes = length <= chunk.length ? chunk : new byte[length];
            data.readFully(bytes, 0, length);
            return new String(bytes, 0, length, StandardCharsets.UTF_8);
        }

        String[] readStrings(int count) throws IOException {
            String[] values = new String[count];
            for (int k = 0; k < count; k++) {
                values[k] = readString();
            }
            return values;
        }

        /** An array's length, which must be {@code expected} unless that is negative. */
        private int readLength(long expected, int bytesEach) throws IOException {
            int length = readCount(bytesEach);
            if (expected >= 0 && length != expected) {
                throw corrupt("an array of " + length + " values where " + expected + " belong");
            }
            return length;
        }

        int[] readInts(long expected) throws IOException {
            int[] values = new int[readLength(expected, Integer.BYTES)];
            for (int from = 0; from < values.length; from += CHUNK / Integer.BYTES) {
                int count = Math.min(CHUNK / Integer.BYTES, values.length - from);
                data.readFully(chunk, 0, count * Integer.BYTES);
                ByteBuffer.wrap(chunk, 0, count * Integer.BYTES).asIntBuffer().get(values, from, count);
            }
            return values;
        }

        float[] readFloats(long expected) throws IOException {
            float[] values = new float[readLength(expected, Float.BYTES)];
            fillFloats(values);
            return values;
        }

        /** Reads an array of exactly {@code target.length} floats into {@code target}. */
        void readFloats(float[] target) throws IOException {
            readLength(target.length, Float.BYTES);
            fillFloats(target);
        }

        private void fillFloats(float[] values) throws IOException {
            for (int from = 0; from < values.length; from += CHUNK / Float.BYTES) {
                int count = Math.min(CHUNK / Float.BYTES, values.length - from);
                data.readFully(chunk, 0, count * Float.BYTES);
                ByteBuffer.wrap(chunk, 0, count * Float.BYTES).asFloatBuffer().get(values, from, count);
            }
        }

        double[] readDoubles(long expected) throws IOException {
            double[] values = new double[readLength(expected, Double.BYTES)];
            for (int from = 0; from < values.length; from += CHUNK / Double.BYTES) {
                int count = Math.min(CHUNK / Double.BYTES, values.length - from);
                data.readFully(chunk, 0, count * Double.BYTES);
                ByteBuffer.wrap(chunk, 0, count * Double.BYTES).asDoubleBuffer().get(values, from, count);
            }
            return values;
        }
    }

    /** Counts the bytes written through it. */
    private static final class CountingOutputStream extends FilterOutputStream {
        long count;

        CountingOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }

    /** Counts the bytes read through it. */
    private static final class CountingInputStream extends FilterInputStream {
        long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = in.skip(n);
            count += skipped;
            return skipped;
        }
    }
}
