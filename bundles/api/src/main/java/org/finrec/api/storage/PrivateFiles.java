package org.finrec.api.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Creates files and folders that hold customer ids (model files, outcome log segments and their copies) so that
 * only their owner can read or write them: {@code rw-------} for files and {@code rwx------} for the folders made
 * for them, set atomically at creation where the file system has POSIX permissions, so that no other account can
 * open them in between. On a file system without POSIX permissions (Windows) files get the folder's access list,
 * which the operator sets. Existing folders are left as they are: an operator's folder keeps the operator's
 * permissions.
 */
public final class PrivateFiles {

    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_FOLDER = PosixFilePermissions.fromString("rwx------");

    private PrivateFiles() {
    }

    /**
     * Creates a folder and any missing parents, those it creates open to their owner only.
     *
     * @param folder the folder
     * @return {@code folder}
     * @throws IOException if it cannot be created
     */
    public static Path createDirectories(Path folder) throws IOException {
        if (Files.isDirectory(folder)) {
            return folder;
        }
        return posix(existingAncestor(folder))
                ? Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(OWNER_FOLDER))
                : Files.createDirectories(folder);
    }

    /**
     * Creates a new file, readable and writable by its owner only, and opens it for writing.
     *
     * @param file the file, which must not exist
     * @param options further options, for example {@link StandardOpenOption#READ}
     * @return the open channel
     * @throws java.nio.file.FileAlreadyExistsException if the file exists
     * @throws IOException if it cannot be created
     */
    public static FileChannel createNew(Path file, OpenOption... options) throws IOException {
        Set<OpenOption> all = new LinkedHashSet<>(List.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
        all.addAll(List.of(options));
        Path folder = file.toAbsolutePath().getParent();
        FileAttribute<?>[] attributes = posix(folder)
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_FILE)}
                : new FileAttribute<?>[0];
        return FileChannel.open(file, all, attributes);
    }

    /**
     * Restricts an existing file that Finrec made by other means (a copy, for example) to its owner.
     *
     * @param file the file
     * @throws IOException if its permissions cannot be set
     */
    public static void restrict(Path file) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (view != null) {
            view.setPermissions(OWNER_FILE);
        }
    }

    private static boolean posix(Path path) {
        return path != null && Files.getFileAttributeView(path, PosixFileAttributeView.class) != null
                && path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static Path existingAncestor(Path folder) {
        Path candidate = folder.toAbsolutePath();
        while (candidate != null && !Files.exists(candidate)) {
            candidate = candidate.getParent();
        }
        return candidate;
    }
}
