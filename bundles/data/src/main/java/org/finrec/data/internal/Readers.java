package org.finrec.data.internal;

import java.util.Objects;
import org.finrec.data.DatasetFormat;
import org.finrec.data.DatasetReader;
import org.finrec.data.internal.read.BankMarketingReader;
import org.finrec.data.internal.read.GenericCsvReader;
import org.finrec.data.internal.read.MovieLensReader;
import org.finrec.data.internal.read.NextProductReader;
import org.finrec.data.internal.read.RecBoleReader;
import org.finrec.data.internal.read.SantanderReader;
import org.finrec.data.internal.read.SequenceReader;

/** Finds the reader of each {@link DatasetFormat}. Readers are stateless, so one instance per format serves all. */
public final class Readers {

    private static final DatasetReader SANTANDER = new SantanderReader();
    private static final DatasetReader NEXT_PRODUCT = new NextProductReader();
    private static final DatasetReader GENERIC_CSV = new GenericCsvReader();
    private static final DatasetReader RECBOLE = new RecBoleReader();
    private static final DatasetReader SEQUENCE = new SequenceReader();
    private static final DatasetReader MOVIELENS = new MovieLensReader();
    private static final DatasetReader BANK_MARKETING = new BankMarketingReader();

    private Readers() {
    }

    /**
     * Returns the reader of a format.
     *
     * @param format the format, not null
     * @return its reader, thread-safe
     */
    public static DatasetReader of(DatasetFormat format) {
        return switch (Objects.requireNonNull(format, "format")) {
            case SANTANDER -> SANTANDER;
            case NEXT_PRODUCT -> NEXT_PRODUCT;
            case GENERIC_CSV -> GENERIC_CSV;
            case RECBOLE -> RECBOLE;
            case SEQUENCE -> SEQUENCE;
            case MOVIELENS -> MOVIELENS;
            case BANK_MARKETING -> BANK_MARKETING;
        };
    }
}
