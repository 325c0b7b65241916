package org.finrec.data.internal.read;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The project's real data sets in {@code ../shared/data}, next to the project's root folder, so
 * {@code ../../../shared/data} from this module. A test that uses one skips, naming the missing path, when it is
 * absent (a fresh clone).
 */
final class SharedData {

    private static final Path ROOT = Path.of("../../../shared/data");

    private SharedData() {
    }

    /**
     * Returns a data set's folder, skipping the calling test when it is absent.
     *
     * @param dataSet the folder below {@code shared/data}, such as {@code santander-sample}
     * @return the folder
     */
    static Path folder(String dataSet) {
        Path folder = ROOT.resolve(dataSet);
        assumeTrue(Files.isDirectory(folder), "skipped: " + folder.toAbsolutePath().normalize() + " not found");
        return folder;
    }
}
