package org.finrec.api.model;

import java.io.IOException;
import org.finrec.api.data.Model;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Encodes and decodes one type of model as the payload of a model file. A recommender bundle implements one codec
 * per model type it persists; the {@link ModelStore} adds the file's header, its lineage and the checks.
 *
 * <p>The encoding must be deterministic, must hold everything the model needs to score and explain (so that a
 * decoded model scores bit-identically to the encoded one) and must not hold the model's version: the version is
 * the content hash of the encoding ({@link ModelVersion#of}), and {@link #read} receives it. Implementations are
 * stateless and thread-safe.
 *
 * @param <M> the model type
 */
@ConsumerType
public interface ModelCodec<M extends Model> {

    /**
     * Returns the stable name of the model type, recorded in every file this codec writes and checked when one is
     * read, for example {@code "org.finrec.cf.als"}. It never changes for the life of the type.
     *
     * @return 1 to 100 characters out of lowercase letters, digits, {@code '.'} and {@code '-'}, starting with a
     *     letter or digit
     */
    String type();

    /**
     * Returns the version of this codec's payload layout, recorded in every file and checked when one is read: a
     * codec reads only files of its own format version. Change it whenever the layout changes.
     *
     * @return 1 or more
     */
    int formatVersion();

    /**
     * Writes a model's payload.
     *
     * @param model the model, not null
     * @param out where to write, not null; the codec must not keep it
     * @throws IOException if writing fails
     * @throws IllegalArgumentException if the model is not one this codec encodes
     */
    void write(M model, ModelOutput out) throws IOException;

    /**
     * Reads a payload this codec wrote, of its {@link #formatVersion()}. The store has verified the payload's
     * content hash before calling; the codec still validates what it reads and may throw
     * {@link ModelInput#corrupt(String)} or {@link IllegalArgumentException} for values that cannot form a model.
     *
     * @param in the payload, not null; the codec must read it to its end and must not keep it
     * @param version the model's version (its content hash, 64 lowercase hex digits), which the returned model's
     *     {@link Model#version()} must answer
     * @return the model, never null
     * @throws IOException if the payload cannot be read or does not describe a model
     */
    M read(ModelInput in, String version) throws IOException;
}
