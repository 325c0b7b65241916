package org.finrec.runtime.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.finrec.runtime.FinrecRuntimeException;

/**
 * The exclusive claim of one runtime on its storage folder: an operating-system lock on {@code runtime.lock} in
 * the folder, taken before anything in the folder is touched and held until the runtime closes, so that a second
 * runtime started on the same folder refuses to start instead of emptying the first one's framework cache or
 * writing into its outcome log. The lock file holds the owner's process id, for the message.
 */
public final class StorageLock implements AutoCloseable {

    /** The lock file's name in the storage folder. */
    public static final String FILE_NAME = "runtime.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private StorageLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Claims a storage folder.
     *
     * @param storage the folder; created if missing
     * @return the held claim
     * @throws FinrecRuntimeException if another runtime, in this process or another, holds the folder
     */
    public static StorageLock claim(Path storage) {
        Path file = storage.resolve(FILE_NAME);
        FileChannel channel = null;
        try {
            Files.createDirectories(storage);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException heldInThisProcess) {
                lock = null;
            }
            if (lock == null) {
                String owner = Files.readString(file, StandardCharsets.UTF_8).trim();
                channel.close();
                throw new FinrecRuntimeException("another Finrec runtime" + (owner.isEmpty() ? "" : " (process "
                        + owner + ")") + " uses the storage folder " + storage + ": it holds " + file
                        + "; stop it or give this runtime a storage folder of its own", null);
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid())
                    .getBytes(StandardCharsets.UTF_8)));
            channel.force(true);
            return new StorageLock(channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new FinrecRuntimeException("cannot lock the storage folder " + storage + " (" + file + "): "
                    + e.getMessage(), e);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // the claim failed already; the message says why
            }
        }
    }

    /** Releases the folder. */
    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new FinrecRuntimeException("cannot release the storage lock: " + e.getMessage(), e);
        }
    }
}
