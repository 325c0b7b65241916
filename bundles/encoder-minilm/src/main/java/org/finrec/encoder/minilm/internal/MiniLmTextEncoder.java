package org.finrec.encoder.minilm.internal;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.finrec.api.config.ConfigurationReader;
import org.finrec.api.config.InvalidConfigurationException;
import org.finrec.api.inference.InferenceRuntime;
import org.finrec.api.inference.ModelReservation;
import org.finrec.api.inference.TextEncoder;
import org.finrec.inference.DynamicBatcher;
import org.finrec.inference.ModelFiles;
import org.finrec.inference.ModelFiles.ModelFile;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * all-MiniLM-L6-v2 as a {@link TextEncoder}: Hugging Face word-piece tokenisation, the ONNX model on the inference
 * runtime's device, mean pooling over the tokens and L2 normalisation, as sentence-transformers computes it.
 *
 * <p>Single {@link #encode} calls from many threads go through a {@link DynamicBatcher}, whose worker owns one
 * predictor; {@link #encodeAll} runs in the caller's thread with that thread's own predictor (DJL predictors are not
 * thread-safe). The model files are extracted to this bundle's data folder and verified by digest; the digest is
 * the model version.
 */
@Component(service = TextEncoder.class, immediate = true, configurationPid = MiniLmTextEncoder.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL, property = TextEncoder.NAME + "=" + MiniLmTextEncoder.NAME)
@Designate(ocd = EncoderConfiguration.class)
public final class MiniLmTextEncoder implements TextEncoder {

    static final String PID = "org.finrec.encoder.minilm";
    static final String NAME = "all-minilm-l6-v2";
    private static final int DIMENSION = 384;
    private static final int QUEUE_CAPACITY = 4_096;
    private static final Logger LOG = LoggerFactory.getLogger(MiniLmTextEncoder.class);

    private final String modelVersion;
    private final ModelReservation memory;
    private final Path vocabularyFile;
    /** Guards {@link #tokenizer}: a tokenizer is closed (its native memory freed) only while no batch uses it. */
    private final ReadWriteLock tokenizerLock = new ReentrantReadWriteLock();
    private HuggingFaceTokenizer tokenizer;
    private final Model model;
    private final ThreadLocal<Predictor<NDList, NDList>> predictors;
    private final List<Predictor<NDList, NDList>> allPredictors = new CopyOnWriteArrayList<>();
    private volatile EncoderSettings settings;
    private volatile DynamicBatcher<String, float[]> batcher;

    /**
     * Activates the encoder: checks the configuration, then extracts, verifies and loads the model.
     *
     * @throws InvalidConfigurationException when a setting is out of range, naming the PID, property and value
     */
    @Activate
    public MiniLmTextEncoder(Map<String, Object> properties, BundleContext context,
            @Reference InferenceRuntime runtime) throws IOException, MalformedModelException {
        EncoderSettings configured = EncoderSettings.of(properties);
        long started = System.nanoTime();
        Path folder = context.getDataFile("model").toPath();
        try {
            ModelFile onnx = ModelFiles.extract(context.getBundle().getEntry("model/" + NAME + ".onnx"), folder,
                    NAME + ".onnx");
            ModelFile vocabulary = ModelFiles.extract(context.getBundle().getEntry("model/" + NAME
                    + "-tokenizer.json"), folder, NAME + "-tokenizer.json");
            this.modelVersion = NAME + "-" + onnx.sha256().substring(0, 12);
            this.vocabularyFile = vocabulary.path();
            ModelReservation reserved = runtime.reserve(NAME, Files.size(onnx.path()));
            HuggingFaceTokenizer loadedTokenizer = null;
            Model loadedModel = null;
            try {
                loadedTokenizer = tokenizer(vocabulary.path(), configured.maxTokens());
                loadedModel = Model.newInstance(NAME, Device.fromName(runtime.device()), "OnnxRuntime");
                loadedModel.load(folder, NAME);
            } catch (IOException | MalformedModelException | RuntimeException notLoaded) {
                // give back what the half-done activation holds: native model, native tokenizer, memory
                if (loadedModel != null) {
                    loadedModel.close();
                }
                if (loadedTokenizer != null) {
                    loadedTokenizer.close();
                }
                reserved.close();
                throw notLoaded;
            }
            this.memory = reserved;
            this.tokenizer = loadedTokenizer;
            this.model = loadedModel;
        } catch (IOException | MalformedModelException | RuntimeException failure) {
            // Declarative Services reports this only to the Log Service, which a host may not print
            LOG.error("Text encoder {} could not load its model from {}: {}", NAME, folder, failure.toString());
            throw failure;
        }
        this.settings = configured;
        this.predictors = ThreadLocal.withInitial(() -> {
            Predictor<NDList, NDList> predictor = model.newPredictor(new NoopTranslator());
            allPredictors.add(predictor);
            return predictor;
        });
        this.batcher = batcher(configured);
        LOG.info("Text encoder {} ready on {} in {} ms", modelVersion, runtime.device(),
                (System.nanoTime() - started) / 1_000_000);
    }

    private static HuggingFaceTokenizer tokenizer(Path vocabulary, int maxTokens) throws IOException {
        return HuggingFaceTokenizer.newInstance(vocabulary, Map.of("padding", "true", "truncation", "true",
                "maxLength", Integer.toString(maxTokens)));
    }

    private DynamicBatcher<String, float[]> batcher(EncoderSettings settings) {
        return new DynamicBatcher<>(NAME, settings.maxBatchSize(), Duration.ofMillis(settings.maxWaitMillis()),
                QUEUE_CAPACITY, this::encodeBatch);
    }

    /**
     * Applies a configuration change in place, without dropping a request: a setting out of range is refused and
     * logged with its PID and property, and the previous settings keep serving. A new batch size or wait starts a
     * new batcher (the old one runs what it queued, and a call that reaches it after it closed goes to the new
     * one); a new token limit swaps the tokenizer once no batch is tokenising.
     */
    @Modified
    void modified(Map<String, Object> properties) {
        ConfigurationReader.readChange(() -> EncoderSettings.of(properties), refused ->
                LOG.error("{}; text encoder {} keeps {}", refused.getMessage(), NAME, settings))
                .ifPresent(this::apply);
    }

    /** Applies checked settings that may differ from those serving. */
    private void apply(EncoderSettings next) {
        EncoderSettings previous = settings;
        if (next.maxTokens() != previous.maxTokens()) {
            HuggingFaceTokenizer replacement;
            try {
                replacement = tokenizer(vocabularyFile, next.maxTokens());
            } catch (IOException | RuntimeException failure) {
                LOG.error("Text encoder {} cannot apply max.tokens={}: {}; it keeps {}", NAME, next.maxTokens(),
                        failure.toString(), previous);
                return;
            }
            HuggingFaceTokenizer replaced;
            tokenizerLock.writeLock().lock();
            try {
                replaced = tokenizer;
                tokenizer = replacement;
            } finally {
                tokenizerLock.writeLock().unlock();
            }
            replaced.close();
        }
        settings = next;
        if (next.maxBatchSize() != previous.maxBatchSize() || next.maxWaitMillis() != previous.maxWaitMillis()) {
            DynamicBatcher<String, float[]> replaced = batcher;
            batcher = batcher(next);
            replaced.close();
        }
        LOG.info("Text encoder {} applies {}", NAME, next);
    }

    @Deactivate
    void deactivate() {
        batcher.close();
        allPredictors.forEach(Predictor::close);
        model.close();
        tokenizerLock.writeLock().lock();
        try {
            tokenizer.close();
        } finally {
            tokenizerLock.writeLock().unlock();
        }
        memory.close();
    }

    @Override
    public int dimension() {
        return DIMENSION;
    }

    @Override
    public String modelVersion() {
        return modelVersion;
    }

    @Override
    public float[] encode(String text) {
        while (true) {
            DynamicBatcher<String, float[]> current = batcher;
            try {
                return current.call(text);
            } catch (IllegalStateException closed) {
                if (current == batcher) {
                    throw closed;
                }
                // a configuration change replaced the batcher as this call reached it: the new one runs it
            }
        }
    }

    @Override
    public List<float[]> encodeAll(List<String> texts) {
        int maxBatchSize = settings.maxBatchSize();
        List<float[]> vectors = new ArrayList<>(texts.size());
        for (int from = 0; from < texts.size(); from += maxBatchSize) {
            vectors.addAll(encodeBatch(texts.subList(from, Math.min(texts.size(), from + maxBatchSize))));
        }
        return vectors;
    }

    /** Tokenises, runs the model once for the whole batch, pools and normalises. */
    private List<float[]> encodeBatch(List<String> texts) {
        Encoding[] encodings;
        tokenizerLock.readLock().lock();
        try {
            encodings = tokenizer.batchEncode(texts);
        } finally {
            tokenizerLock.readLock().unlock();
        }
        int batch = encodings.length;
        int length = encodings[0].getIds().length; // padded to the longest text of the batch
        long[][] ids = new long[batch][];
        long[][] masks = new long[batch][];
        long[][] types = new long[batch][];
        for (int i = 0; i < batch; i++) {
            ids[i] = encodings[i].getIds();
            masks[i] = encodings[i].getAttentionMask();
            types[i] = encodings[i].getTypeIds();
        }
        try (NDManager manager = model.getNDManager().newSubManager()) {
            NDArray inputIds = manager.create(ids);
            inputIds.setName("input_ids");
            NDArray attentionMask = manager.create(masks);
            attentionMask.setName("attention_mask");
            NDArray tokenTypes = manager.create(types);
            tokenTypes.setName("token_type_ids");
            NDList output = predictors.get().predict(new NDList(inputIds, attentionMask, tokenTypes));
            return meanPooled(output.get(0).toFloatArray(), masks, length);
        } catch (TranslateException failure) {
            throw new IllegalStateException("Text encoder " + modelVersion + " failed on a batch of " + batch
                    + " texts: " + failure.getMessage(), failure);
        }
    }

    /** Averages each text's token vectors over its real (unpadded) tokens and scales the mean to unit length. */
    static List<float[]> meanPooled(float[] hidden, long[][] masks, int length) {
        List<float[]> vectors = new ArrayList<>(masks.length);
        for (int b = 0; b < masks.length; b++) {
            float[] sum = new float[DIMENSION];
            int tokens = 0;
            for (int t = 0; t < length; t++) {
                if (masks[b][t] == 0) {
                    continue;
                }
                tokens++;
                int offset = (b * length + t) * DIMENSION;
                for (int d = 0; d < DIMENSION; d++) {
                    sum[d] += hidden[offset + d];
                }
            }
            double norm = 0;
            for (int d = 0; d < DIMENSION; d++) {
                sum[d] /= Math.max(tokens, 1);
                norm += (double) sum[d] * sum[d];
            }
            float scale = norm > 0 ? (float) (1 / Math.sqrt(norm)) : 0f;
            for (int d = 0; d < DIMENSION; d++) {
                sum[d] *= scale;
            }
            vectors.add(sum);
        }
        return vectors;
    }
}
