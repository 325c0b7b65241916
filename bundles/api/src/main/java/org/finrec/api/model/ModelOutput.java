package org.finrec.api.model;

import java.io.IOException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Where a {@link ModelCodec} writes a payload: big-endian primitives with their exact bits, length-prefixed UTF-8
 * strings and length-prefixed arrays, read back by the matching {@link ModelInput} methods. Not thread-safe: one
 * codec call writes to it at a time.
 */
@ProviderType
public interface ModelOutput {

    /**
     * Writes a boolean as one byte (1 or 0).
     *
     * @param value the value
     * @throws IOException if writing fails
     */
    void writeBoolean(boolean value) throws IOException;

    /**
     * Writes an int (4 bytes).
     *
     * @param value the value
     * @throws IOException if writing fails
     */
    void writeInt(int value) throws IOException;

    /**
     * Writes a long (8 bytes).
     *
     * @param value the value
     * @throws IOException if writing fails
     */
    void writeLong(long value) throws IOException;

    /**
     * Writes a float's exact bits (4 bytes; NaN payloads kept).
     *
     * @param value the value
     * @throws IOException if writing fails
     */
    void writeFloat(float value) throws IOException;

    /**
     * Writes a double's exact bits (8 bytes; NaN payloads kept).
     *
     * @param value the value
     * @throws IOException if writing fails
     */
    void writeDouble(double value) throws IOException;

    /**
     * Writes a string: its UTF-8 length in bytes (int) and the bytes.
     *
     * @param value the string, not null
     * @throws IOException if writing fails
     */
    void writeString(String value) throws IOException;

    /**
     * Writes an enum constant by its name, so that reordering constants keeps stored files readable.
     *
     * @param value the constant, not null
     * @throws IOException if writing fails
     */
    void writeEnum(Enum<?> value) throws IOException;

    /**
     * Writes an int array: its length (int) and the values.
     *
     * @param values the values, not null
     * @throws IOException if writing fails
     */
    void writeInts(int[] values) throws IOException;

    /**
     * Writes a float array: its length (int) and the values' exact bits.
     *
     * @param values the values, not null
     * @throws IOException if writing fails
     */
    void writeFloats(float[] values) throws IOException;

    /**
     * Writes a double array: its length (int) and the values' exact bits.
     *
     * @param values the values, not null
     * @throws IOException if writing fails
     */
    void writeDoubles(double[] values) throws IOException;

    /**
     * Writes a string array: its length (int) and each string as {@link #writeString} does.
     *
     * @param values the strings, not null, none null
     * @throws IOException if writing fails
     */
    void writeStrings(String[] values) throws IOException;
}
