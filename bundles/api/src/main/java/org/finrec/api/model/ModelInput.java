package org.finrec.api.model;

import java.io.IOException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A payload as a {@link ModelCodec} reads it back, in the order {@link ModelOutput} wrote it. Every length is checked
 * against the bytes left before anything is allocated, and reading past the payload's end fails, so a damaged
 * payload can never make a codec allocate absurd arrays; every failure names the file and the byte. Not
 * thread-safe: one codec call reads from it at a time.
 */
@ProviderType
public interface ModelInput {

    /**
     * Reads a boolean.
     *
     * @return the value
     * @throws IOException if the payload ends or the byte is neither 0 nor 1
     */
    boolean readBoolean() throws IOException;

    /**
     * Reads an int.
     *
     * @return the value
     * @throws IOException if the payload ends
     */
    int readInt() throws IOException;

    /**
     * Reads a long.
     *
     * @return the value
     * @throws IOException if the payload ends
     */
    long readLong() throws IOException;

    /**
     * Reads a float.
     *
     * @return the value, with its exact bits
     * @throws IOException if the payload ends
     */
    float readFloat() throws IOException;

    /**
     * Reads a double.
     *
     * @return the value, with its exact bits
     * @throws IOException if the payload ends
     */
    double readDouble() throws IOException;

    /**
     * Reads a string.
     *
     * @return the string, never null
     * @throws IOException if the payload ends or the length does not fit in it
     */
    String readString() throws IOException;

    /**
     * Reads an enum constant written by {@link ModelOutput#writeEnum}.
     *
     * @param <E> the enum type
     * @param type the enum type, not null
     * @return the constant, never null
     * @throws IOException if the payload ends or names no constant of {@code type}
     */
    <E extends Enum<E>> E readEnum(Class<E> type) throws IOException;

    /**
     * Reads an int array of any length.
     *
     * @return a new array
     * @throws IOException if the payload ends or the length does not fit in it
     */
    int[] readInts() throws IOException;

    /**
     * Reads an int array that must have a given length.
     *
     * @param length the length the model requires, 0 or more
     * @return a new array
     * @throws IOException if the stored length differs or the payload ends
     */
    int[] readInts(int length) throws IOException;

    /**
     * Reads a float array of any length.
     *
     * @return a new array
     * @throws IOException if the payload ends or the length does not fit in it
     */
    float[] readFloats() throws IOException;

    /**
     * Reads a float array that must have a given length.
     *
     * @param length the length the model requires, 0 or more
     * @return a new array
     * @throws IOException if the stored length differs or the payload ends
     */
    float[] readFloats(int length) throws IOException;

    /**
     * Reads a double array of any length.
     *
     * @return a new array
     * @throws IOException if the payload ends or the length does not fit in it
     */
    double[] readDoubles() throws IOException;

    /**
     * Reads a double array that must have a given length.
     *
     * @param length the length the model requires, 0 or more
     * @return a new array
     * @throws IOException if the stored length differs or the payload ends
     */
    double[] readDoubles(int length) throws IOException;

    /**
     * Reads a string array of any length.
     *
     * @return a new array
     * @throws IOException if the payload ends or a length does not fit in it
     */
    String[] readStrings() throws IOException;

    /**
     * Reads a string array that must have a given length.
     *
     * @param length the length the model requires, 0 or more
     * @return a new array
     * @throws IOException if the stored length differs or the payload ends
     */
    String[] readStrings(int length) throws IOException;

    /**
     * Reads a count that the codec will use to size something, each unit of which takes at least
     * {@code bytesEach} bytes of the payload: a count that could not fit in the bytes left is refused.
     *
     * @param bytesEach the fewest bytes one counted unit takes, 1 or more
     * @return the count, 0 or more
     * @throws IOException if the payload ends or the count is negative or does not fit
     */
    int readCount(int bytesEach) throws IOException;

    /**
     * Returns how many bytes of the payload are left.
     *
     * @return 0 or more
     */
    long remaining();

    /**
     * Makes the exception a codec throws for a payload that does not describe a model, naming the file and the
     * byte reached.
     *
     * @param problem what is wrong, not null
     * @return the exception, to throw
     */
    ModelFileException corrupt(String problem);
}
