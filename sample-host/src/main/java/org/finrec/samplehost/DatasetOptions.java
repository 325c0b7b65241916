package org.finrec.samplehost;

import java.nio.file.Path;
import org.finrec.api.data.Dataset;
import org.finrec.data.DatasetFormat;
import org.finrec.data.DatasetReader;
import org.finrec.data.ImportOptions;
import org.finrec.data.ImportResult;
import picocli.CommandLine.Option;

/** The options of the commands that read a data set (a picocli mixin), and the reading itself. */
final class DatasetOptions {

    @Option(names = "--data", required = true, description = "File or folder to read.")
    Path data;

    @Option(names = "--format", required = true, description = "One of ${COMPLETION-CANDIDATES}.")
    DatasetFormat format;

    @Option(names = "--lenient", description = "Skip and count bad rows instead of failing on the first.")
    boolean lenient;

    /** Reads {@code --data}. */
    Dataset read(ConsoleProgress progress) {
        return read(data, progress);
    }

    /** Reads another file of the same format, reporting skipped rows of a lenient read and copied interactions on standard error. */
    Dataset read(Path path, ConsoleProgress progress) {
        ImportOptions options = (lenient ? ImportOptions.LENIENT : ImportOptions.STRICT).withProgress(progress);
        ImportResult result = DatasetReader.of(format).read(path, options);
        progress.finish();
        if (result.rowsSkipped() > 0) {
            System.err.printf("%s: skipped %,d bad rows of %,d; first: %s%n", path, result.rowsSkipped(),
                    result.rowsRead(), result.problems().get(0).getMessage());
        }
        result.copiesWarning().ifPresent(warning -> System.err.println("warning: " + warning));
        return result.dataset();
    }
}
