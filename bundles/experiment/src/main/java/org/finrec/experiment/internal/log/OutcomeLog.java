package org.finrec.experiment.internal.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.finrec.api.concurrent.NamedThreads;
import org.finrec.api.storage.PrivateFiles;
import org.finrec.experiment.internal.log.LogStateMachine.Admission;
import org.finrec.experiment.internal.log.SegmentFiles.Segment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A crash-safe, append-only log of experiment records in a folder of segment files, feeding a
 * {@link LogStateMachine}.
 *
 * <p>{@link #open} replays the folder into the state machine, then one daemon thread, {@value #THREAD_NAME}, writes
 * appended records in batches: for each record in queue order it asks {@link LogStateMachine#admit}, adds an
 * accepted record to the batch and calls {@link LogStateMachine#apply}; then it writes the batch to the current
 * segment, forces the file as the {@link SyncPolicy} says and completes the records' futures. Records appended by one
 * thread are logged in the order it appended them.
 *
 * <p>If a write, a force or the state machine fails (throws anything but {@link RecordRejectedException}), the log
 * fails: every pending future completes exceptionally with an {@link IOException} naming the segment file and the
 * cause, later appends throw, and nothing that was not yet acknowledged ever is. The next {@link #open} (after
 * {@link #close()}) recovers whatever reached the file.
 *
 * <p>Futures complete on the writer thread: a dependent action attached with a non-async method runs there and must
 * be quick; it may not call {@link #append}.
 */
public final class OutcomeLog implements AutoCloseable {

    /** The name of the writer thread. */
    public static final String THREAD_NAME = "finrec-outcome-log";

    private static final Logger LOG = LoggerFactory.getLogger(OutcomeLog.class);
    private static final String LOCK_FILE = "outcomes.lock";
    private static final int BUFFER_BYTES = 256 << 10;
    private static final Pending CLOSE = new Pending(null, null, false);

    private enum Phase { OPEN, CLOSING, CLOSED, FAILED }

    /** An appended record on its way through the writer. */
    private static final class Pending {
        final LogRecord record;
        final byte[] frame;
        /** Appended by {@link #appendDeferred}: acknowledged once written, forced with the next durable record. */
        final boolean deferred;
        final CompletableFuture<Boolean> future = new CompletableFuture<>();
        boolean result;

        Pending(LogRecord record, byte[] frame, boolean deferred) {
            this.record = record;
            this.frame = frame;
            this.deferred = deferred;
        }
    }

    private final Path folder;
    private final LogSettings settings;
    private final LogStateMachine state;
    private final UnaryOperator<FileChannel> channels;
    private final FileChannel lockChannel;
    private final BlockingQueue<Pending> queue;
    private final Thread writer;
    private final AtomicReference<Phase> phase = new AtomicReference<>(Phase.OPEN);
    private volatile IOException failure;

    // touched by the writer thread only (and by open before it starts)
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_BYTES);
    private final List<Pending> batch = new ArrayList<>();
    private final List<Pending> unacknowledged = new ArrayList<>();
    private final long syncIntervalNanos;
    private FileChannel channel;
    private Path file;
    private volatile long segmentNumber;
    private long segmentBytes;
    private boolean dirty;
    private boolean closeRequested;
    private long lastForceStartNanos;

    // statistics, written by the writer thread only
    private final long recordsRecovered;
    private final long firstSegment;
    private volatile long recordsWritten;
    private volatile long bytesWritten;
    private volatile long forces;
    private volatile long lastForceMicros;

    private OutcomeLog(Path folder, LogSettings settings, LogStateMachine state, UnaryOperator<FileChannel> channels,
                       FileChannel lockChannel, long recordsRecovered, long firstSegment) {
        this.folder = folder;
        this.settings = settings;
        this.state = state;
        this.channels = channels;
        this.lockChannel = lockChannel;
        this.recordsRecovered = recordsRecovered;
        this.firstSegment = firstSegment;
        this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
        this.syncIntervalNanos = TimeUnit.MILLISECONDS.toNanos(settings.syncIntervalMillis());
        this.lastForceStartNanos = System.nanoTime() - syncIntervalNanos;
        this.writer = NamedThreads.daemon(this::runWriter, THREAD_NAME);
    }

    /**
     * Opens the log in {@code folder}, creating the folder if needed, replays every record into
     * {@code state.apply} in log order and starts the writer thread.
     *
     * <p>A torn record at the end of the last segment, left by a crash during a write, is cut off with a warning
     * naming the file and byte offset. A bad record anywhere else fails the open: nothing is dropped silently. If
     * this method throws, {@code state} may have received some records and should be discarded.
     *
     * @throws CorruptLogException if a segment holds a bad record or header that is not a torn tail
     * @throws IOException         if the folder cannot be read or written, a segment is missing, or another
     *                             {@code OutcomeLog} has it open
     */
    public static OutcomeLog open(Path folder, LogSettings settings, LogStateMachine state) throws IOException {
        return open(folder, settings, state, UnaryOperator.identity());
    }

    /**
     * As {@link #open(Path, LogSettings, LogStateMachine)}, passing every segment channel the log opens for writing
     * through {@code channels}: a hook for tests to inject I/O failures.
     */
    static OutcomeLog open(Path folder, LogSettings settings, LogStateMachine state,
                           UnaryOperator<FileChannel> channels) throws IOException {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(state, "state");
        PrivateFiles.createDirectories(folder);
        FileChannel lockChannel = lockFolder(folder);
        OutcomeLog log = null;
        try {
            long started = System.nanoTime();
            List<Segment> segments = SegmentFiles.list(folder);
            SegmentReader reader = new SegmentReader();
            SegmentReader.Result last = null;
            long recovered = 0;
            for (int i = 0; i < segments.size(); i++) {
                last = reader.read(segments.get(i).file(), i == segments.size() - 1, state::apply);
                recovered += last.records();
            }
            long first = segments.isEmpty() ? 1 : segments.get(0).number();
            log = new OutcomeLog(folder, settings, state, channels, lockChannel, recovered, first);
            if (segments.isEmpty()) {
                log.startSegment(first);
            } else {
                log.resumeSegment(segments.get(segments.size() - 1), last);
            }
            log.writer.start();
            LOG.info("outcome log {}: replayed {} records from {} segment files in {} ms", folder, recovered,
                    segments.size(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            return log;
        } catch (IOException | RuntimeException | Error e) {
            if (log != null && log.channel != null) {
                log.channel.close();
            }
            lockChannel.close();
            throw e;
        }
    }

    /** The folder, inside a log's folder, that holds copies of quarantined segments. */
    public static final String QUARANTINE_FOLDER = "quarantine";

    /**
     * Sets a corrupt segment aside so that the log can open without it: copies the whole segment into the log's
     * {@value #QUARANTINE_FOLDER} folder (named after it and the time), makes the copy durable, and only then cuts
     * the segment in the log back to its valid part before the corruption (or to a fresh header when the header
     * itself is bad). The records from the corrupt offset to the end of that segment are then no longer replayed;
     * the copy keeps them for an investigation. Must not be called while the log is open.
     *
     * @param corrupt what {@link #open} refused
     * @return the copy
     * @throws IOException if the copy or the cut fails; the segment in the log is left as it was unless the copy
     *     is durable
     */
    public static Path quarantine(CorruptLogException corrupt) throws IOException {
        Path segment = corrupt.file();
        Path quarantine = segment.resolveSibling(QUARANTINE_FOLDER);
        PrivateFiles.createDirectories(quarantine);
        Path copy = quarantine.resolve(segment.getFileName() + "." + System.currentTimeMillis() + ".corrupt");
        Files.copy(segment, copy);
        PrivateFiles.restrict(copy);
        try (FileChannel copied = FileChannel.open(copy, StandardOpenOption.WRITE)) {
            copied.force(true);
        }
        SegmentFiles.syncFolder(quarantine);
        try (FileChannel live = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            if (corrupt.offset() < SegmentFiles.HEADER_BYTES) {
                live.truncate(0);
                live.write(SegmentFiles.header(), 0);
            } else {
                live.truncate(corrupt.offset());
            }
            live.force(true);
        }
        return copy;
    }

    /**
     * Queues a record for writing, blocking while the queue is full.
     *
     * @return a future that completes with {@code true} once the record is written and durable as the
     *         {@link SyncPolicy} says, with {@code false} if the state machine found it a
     *         {@link Admission#DUPLICATE duplicate} (once the records before it are durable), exceptionally with the
     *         {@link RecordRejectedException} if the state machine refused it, with the log's {@link IOException} if
     *         the log fails first, or with an {@link InterruptedException} if the calling thread was interrupted
     *         while waiting for room in the queue (the record is then not logged and the interrupt flag is kept)
     * @throws IllegalStateException    if the log is closed or failed (naming the file and the cause), or if called
     *                                  on the writer thread
     * @throws IllegalArgumentException if the record cannot be encoded (a string or the record is too long)
     */
    public CompletableFuture<Boolean> append(LogRecord record) {
        return enqueue(record, false);
    }

    /**
     * Appends a record that nobody waits for, such as an impression: it is written in order with the others, its
     * future completes once it is handed to the operating system, and it becomes durable with the next force, which
     * the next {@link #append durable record}, a segment roll or {@link #close} makes. So a deferred record is
     * durable no later than any durable record appended after it, without a force of its own.
     *
     * @param record the record, not null
     * @return completes like {@link #append}'s future, except that it does not wait for a force
     * @throws IllegalStateException if the log is closed or failed, or if called on the writer thread
     * @throws IllegalArgumentException if the record cannot be encoded
     */
    public CompletableFuture<Boolean> appendDeferred(LogRecord record) {
        return enqueue(record, true);
    }

    private CompletableFuture<Boolean> enqueue(LogRecord record, boolean deferred) {
        Objects.requireNonNull(record, "record");
        if (Thread.currentThread() == writer) {
            throw new IllegalStateException("append called on the outcome log's writer thread (from the state machine"
                    + " or a non-async dependent action of a future)");
        }
        ensureOpen();
        Pending pending = new Pending(record, RecordCodec.frame(record), deferred);
        try {
            queue.put(pending);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pending.future.completeExceptionally(e);
            return pending.future;
        }
        // the writer may have ended after ensureOpen: take the record back unless it already took it (and failed it)
        Phase now = phase.get();
        if ((now == Phase.CLOSED || now == Phase.FAILED) && queue.remove(pending)) {
            ensureOpen();
        }
        return pending.future;
    }

    /**
     * Writes and forces every record appended before, stops the writer thread, and closes the files. Appends
     * from then on throw. Idempotent; does not throw: a failure while draining fails the pending futures.
     */
    @Override
    public void close() {
        if (Thread.currentThread() == writer) {
            throw new IllegalStateException("close called on the outcome log's writer thread");
        }
        boolean interrupted = false;
        if (phase.compareAndSet(Phase.OPEN, Phase.CLOSING)) {
            while (true) {
                try {
                    queue.put(CLOSE);
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        while (writer.isAlive()) {
            try {
                writer.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        try {
            lockChannel.close();
        } catch (IOException e) {
            LOG.warn("outcome log {}: could not release {}", folder, LOCK_FILE, e);
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The failure that stopped the log, if it failed. */
    public Optional<IOException> failure() {
        return Optional.ofNullable(failure);
    }

    /** A snapshot of the log's counters. */
    public LogStatistics statistics() {
        return new LogStatistics(recordsRecovered, recordsWritten, bytesWritten, segmentNumber - firstSegment + 1,
                forces, lastForceMicros, queue.size());
    }

    private void ensureOpen() {
        switch (phase.get()) {
            case OPEN:
                return;
            case FAILED:
                throw new IllegalStateException(failure.getMessage(), failure);
            default:
                throw new IllegalStateException("outcome log " + folder + " is closed");
        }
    }

    private static FileChannel lockFolder(Path folder) throws IOException {
        FileChannel lockChannel = FileChannel.open(folder.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        try {
            FileLock lock = lockChannel.tryLock();
            if (lock == null) {
                throw new IOException("outcome log " + folder + " is open in another process");
            }
            return lockChannel;
        } catch (OverlappingFileLockException e) {
            lockChannel.close();
            throw new IOException("outcome log " + folder + " is already open in this process", e);
        } catch (IOException | RuntimeException e) {
            lockChannel.close();
            throw e;
        }
    }

    // ---- writer thread -------------------------------------------------------------------------------------------

    private void runWriter() {
        try {
            while (!closeRequested) {
                Pending first = unacknowledged.isEmpty()
                        ? queue.take()
                        : queue.poll(nanosUntilForceAllowed(), TimeUnit.NANOSECONDS);
                if (first == null) { // INTERVAL: the interval has passed with records waiting for a force
                    forceAndAcknowledge();
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch);
                writeBatch();
            }
            while (queue.drainTo(batch) > 0) { // appended before close, behind the close request
                writeBatch();
            }
            forceAndAcknowledge();
            finish(null);
        } catch (Throwable t) {
            finish(t);
        }
    }

    private void writeBatch() throws IOException {
        for (Pending pending : batch) {
            if (pending == CLOSE) {
                closeRequested = true;
            } else {
                admitAndBuffer(pending);
            }
        }
        flush();
        batch.clear();
        if (unacknowledged.stream().allMatch(pending -> pending.deferred)) {
            acknowledge(); // nobody waits for a force: the next durable record's force covers these
            return;
        }
        switch (settings.syncPolicy()) {
            case EVERY_BATCH -> forceAndAcknowledge();
            case NONE -> acknowledge();
            case INTERVAL -> {
                if (!dirty || nanosUntilForceAllowed() <= 0) {
                    forceAndAcknowledge();
                }
            }
        }
    }

    private void admitAndBuffer(Pending pending) throws IOException {
        Admission admission;
        try {
            admission = state.admit(pending.record);
        } catch (RecordRejectedException e) {
            pending.future.completeExceptionally(e);
            return;
        }
        if (admission == Admission.ACCEPT) {
            if (segmentBytes >= settings.segmentBytes()) {
                rollSegment();
            }
            buffer(pending.frame);
            state.apply(pending.record);
            recordsWritten++;
            pending.result = true;
        } else if (admission != Admission.DUPLICATE) {
            throw new IllegalStateException("LogStateMachine.admit returned " + admission);
        }
        unacknowledged.add(pending);
    }

    private void buffer(byte[] frame) throws IOException {
        if (frame.length > buffer.remaining()) {
            flush();
        }
        if (frame.length > buffer.capacity()) {
            writeFully(ByteBuffer.wrap(frame));
        } else {
            buffer.put(frame);
        }
        segmentBytes += frame.length;
    }

    private void flush() throws IOException {
        if (buffer.position() > 0) {
            buffer.flip();
            writeFully(buffer);
            buffer.clear();
        }
    }

    private void writeFully(ByteBuffer source) throws IOException {
        int length = source.remaining();
        while (source.hasRemaining()) {
            channel.write(source);
        }
        dirty = true;
        bytesWritten += length;
    }

    private long nanosUntilForceAllowed() {
        return lastForceStartNanos + syncIntervalNanos - System.nanoTime();
    }

    private void forceAndAcknowledge() throws IOException {
        force();
        acknowledge();
    }

    private void force() throws IOException {
        if (dirty) {
            long start = System.nanoTime();
            channel.force(false);
            lastForceStartNanos = start;
            lastForceMicros = TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - start);
            forces++;
            dirty = false;
        }
    }

    private void acknowledge() {
        for (Pending pending : unacknowledged) {
            pending.future.complete(pending.result);
        }
        unacknowledged.clear();
    }

    /**
     * Makes the current segment complete and durable, then continues in a new one. The records written so far are
     * acknowledged with the rest of their batch.
     */
    private void rollSegment() throws IOException {
        flush();
        force();
        channel.close();
        startSegment(segmentNumber + 1);
    }

    private void startSegment(long number) throws IOException {
        segmentNumber = number;
        file = SegmentFiles.path(folder, number);
        channel = channels.apply(PrivateFiles.createNew(file)); // outcome records hold customer ids
        SegmentFiles.syncFolder(folder);
        writeFully(SegmentFiles.header());
        segmentBytes = SegmentFiles.HEADER_BYTES;
    }

    /** Continues the last recovered segment, cutting off a torn tail. */
    private void resumeSegment(Segment segment, SegmentReader.Result recovered) throws IOException {
        segmentNumber = segment.number();
        file = segment.file();
        channel = channels.apply(FileChannel.open(file, StandardOpenOption.WRITE));
        segmentBytes = recovered.validBytes();
        if (recovered.torn()) {
            LOG.warn("outcome log segment {}: cutting off {} bytes at byte offset {} after the last valid record,"
                    + " left by a crash during a write: {}", file, channel.size() - segmentBytes, segmentBytes,
                    recovered.tornTail());
            channel.truncate(segmentBytes);
            if (segmentBytes < SegmentFiles.HEADER_BYTES) {
                writeFully(SegmentFiles.header());
                segmentBytes = SegmentFiles.HEADER_BYTES;
            }
            channel.force(false);
            dirty = false;
        }
        channel.position(segmentBytes);
    }

    /** Ends the writer: fails what is pending if {@code cause} is not null, closes the segment, refuses the rest. */
    private void finish(Throwable cause) {
        if (cause != null) {
            failure = new IOException("outcome log " + file + " failed: " + cause, cause);
            phase.set(Phase.FAILED); // before any future fails, so that whoever sees one fail sees the log failed
            LOG.error("outcome log {} failed; pending and later appends fail", file, cause);
            failAll(batch, failure);
            failAll(unacknowledged, failure);
        } else {
            phase.set(Phase.CLOSED);
        }
        try {
            channel.close();
        } catch (IOException e) {
            LOG.warn("outcome log {}: closing the segment failed", file, e);
        }
        List<Pending> late = new ArrayList<>();
        queue.drainTo(late);
        failAll(late, cause == null ? new IllegalStateException("outcome log " + folder + " is closed") : failure);
    }

    private static void failAll(List<Pending> pending, Throwable cause) {
        for (Pending p : pending) {
            p.future.completeExceptionally(cause);
        }
        pending.clear();
    }
}
