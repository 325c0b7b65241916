package org.finrec.data.internal.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Map;
import org.finrec.data.DatasetFormat;
import org.finrec.data.DatasetReader;
import org.finrec.data.ImportOptions;
import org.finrec.data.internal.Readers;
import org.junit.jupiter.api.Test;

class ReadersTest {

    @Test
    void everyFormatHasItsOwnReader() {
        Map<DatasetFormat, Class<?>> expected = Map.of(
                DatasetFormat.SANTANDER, SantanderReader.class,
                DatasetFormat.NEXT_PRODUCT, NextProductReader.class,
                DatasetFormat.GENERIC_CSV, GenericCsvReader.class,
                DatasetFormat.RECBOLE, RecBoleReader.class,
                DatasetFormat.SEQUENCE, SequenceReader.class,
                DatasetFormat.MOVIELENS, MovieLensReader.class,
                DatasetFormat.BANK_MARKETING, BankMarketingReader.class);
        assertEquals(DatasetFormat.values().length, expected.size());
        for (DatasetFormat format : DatasetFormat.values()) {
            assertEquals(expected.get(format), Readers.of(format).getClass(), format.name());
            assertSame(Readers.of(format), DatasetReader.of(format));
        }
        assertThrows(NullPointerException.class, () -> Readers.of(null));
    }

    @Test
    void rejectsNullArguments() {
        DatasetReader reader = DatasetReader.of(DatasetFormat.SEQUENCE);
        assertThrows(NullPointerException.class, () -> reader.read(null, ImportOptions.STRICT));
        assertThrows(NullPointerException.class, () -> reader.read(Path.of("x"), null));
    }
}
