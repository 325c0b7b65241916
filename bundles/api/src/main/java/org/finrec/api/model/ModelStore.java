package org.finrec.api.model;

import java.nio.file.Path;
import java.util.List;
import org.finrec.api.data.Model;
import org.finrec.api.model.internal.FileModelStore;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A folder of versioned model files, {@code <folder>/<recommender name>/<version>}{@value #EXTENSION}, one file per
 * model version, shared by every recommender family.
 *
 * <p><b>Writing</b> is atomic: a temporary file in the same folder ({@code .<random>.tmp}), forced to disk, then moved
 * onto its name in one step, so a reader sees the previous file or the new one complete, never a partial one; a
 * failed save leaves no temporary file. Saving a version that is already stored intact keeps that file (and its
 * lineage: the model was created then); a damaged one is replaced.
 *
 * <p><b>The file</b> (format 1; integers big-endian):
 * <pre>
 * magic            8 bytes: 0x89 'F' 'R' 'M' '\r' '\n' 0x1A '\n'
 * file format      int, 1
 * header length    int H, at most 1 MiB
 * header           H bytes: model type (string), codec format version (int), version (string), payload length
 *                  (long), trainer (string), parameters (int n, then n names and values, strings, by name),
 *                  dataset name (string), dataset fingerprint (string), created at (long, milliseconds since the
 *                  epoch), Finrec version (string); a string is its UTF-8 length (int) and bytes
 * header checksum  int, CRC32 of every byte before it
 * payload          the codec's encoding, as long as the header says; the file ends with it
 * </pre>
 * The version is the SHA-256 described by {@link ModelVersion}; it is both the file's name and in its header.
 *
 * <p><b>Reading</b> a version checks, and refuses with a {@link ModelFileException} naming the file and the
 * problem: that the file exists (the message lists the versions stored), the magic number and file format, the
 * header's length and checksum, that the model type and codec format version are the codec's, that the header's
 * version is the file's name (else the file was renamed), the file's length against the header's, the payload's
 * content hash against the version (in a first streaming pass, before anything is decoded), and finally that the
 * codec decodes the whole payload. A stored model therefore cannot be served by the wrong codec, from a renamed
 * file or from damaged bytes.
 *
 * <p>Recommender names become path segments: 1 to 200 letters, digits, {@code '.'}, {@code '_'} and {@code '-'}, not
 * starting with {@code '.'}; versions are hex digits. No name or version can make the store read or write outside its
 * folder. Implementations hold no state besides the folder and are thread-safe; several processes may share a
 * folder.
 */
@ProviderType
public interface ModelStore {

    /** The file name extension of a model file. */
    String EXTENSION = ".frmodel";

    /**
     * Opens a store on a folder. Nothing is created until a model is saved.
     *
     * @param folder the store's folder, not null; it need not exist yet
     * @return the store
     */
    static ModelStore at(Path folder) {
        return new FileModelStore(folder);
    }

    /**
     * Returns the store's folder.
     *
     * @return the folder given to {@link #at}
     */
    Path folder();

    /**
     * Returns the file of a full version.
     *
     * @param recommender the recommender's name
     * @param version a full version (64 lowercase hex digits)
     * @return {@code <folder>/<recommender>/<version>}{@value #EXTENSION}, whether or not it exists
     * @throws ModelFileException ({@link ModelFileException.Problem#INVALID_NAME}) if the name or version cannot
     *     name a file of the store
     */
    Path file(String recommender, String version) throws ModelFileException;

    /**
     * Saves a model under its version, atomically, with its lineage. Streams the encoding to the temporary file while
     * hashing it (a model that has not worked out its version yet, see {@link ContentVersion}, encodes itself once
     * more to answer {@link Model#version()}).
     *
     * @param <M> the model type
     * @param recommender the recommender's name, a valid path segment
     * @param model the model, not null; its {@link Model#version()} must be its {@link ModelVersion content hash}
     * @param codec the model type's codec, not null
     * @param lineage where the model comes from, not null
     * @return the stored file as its header describes it (for a version stored intact already, that file)
     * @throws ModelFileException naming the file: {@code INVALID_NAME} for a bad name or codec type,
     *     {@code UNWRITABLE} if the file cannot be written, {@code CORRUPT} if the model's version is not the hash
     *     of what the codec wrote (a codec that is not deterministic or a model whose version is not its content
     *     hash); the previous file, if any, is left intact
     */
    <M extends Model> StoredModel save(String recommender, M model, ModelCodec<M> codec, ModelLineage lineage)
            throws ModelFileException;

    /**
     * Loads and verifies a stored model.
     *
     * @param <M> the model type
     * @param recommender the recommender's name
     * @param version a full version, or a unique prefix of one of at least {@value ModelVersion#MIN_PREFIX} digits
     * @param codec the codec of the model type the caller serves, not null
     * @return the model, whose version is the full version
     * @throws ModelFileException naming the file and the problem (see {@link ModelFileException.Problem}); for a
     *     missing version the message lists the versions stored, for an ambiguous prefix the candidates
     */
    <M extends Model> M load(String recommender, String version, ModelCodec<M> codec) throws ModelFileException;

    /**
     * Describes a stored version from its header, without reading the payload: checks the header and the file's
     * length, not the content hash (which {@link #load} checks).
     *
     * @param recommender the recommender's name
     * @param version a full version or a unique prefix of one, as for {@link #load}
     * @return the file as its header describes it
     * @throws ModelFileException naming the file and the problem, as for {@link #load}
     */
    StoredModel describe(String recommender, String version) throws ModelFileException;

    /**
     * Lists the versions stored for a recommender with their lineage, oldest first (by creation time, then by
     * version). A file whose header cannot be read is left out; {@link #describe} names its problem.
     *
     * @param recommender the recommender's name
     * @return the stored models, empty when the recommender has none
     * @throws ModelFileException ({@code INVALID_NAME}) for a bad name, ({@code UNREADABLE}) if the folder cannot
     *     be listed
     */
    List<StoredModel> list(String recommender) throws ModelFileException;
}
