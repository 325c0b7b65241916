package org.finrec.inference.internal;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.huggingface.tokenizers.jni.LibUtils;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.finrec.api.inference.InferenceRuntime;
import org.finrec.api.inference.ModelReservation;
import org.finrec.api.config.ConfigurationReader;
import org.finrec.api.config.InvalidConfigurationException;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the inference engines once, offline, and registers the {@link InferenceRuntime}.
 *
 * <p>DJL resolves its engines and native libraries through the thread context class loader, once per JVM; inside
 * OSGi that loader must be this bundle's, which holds the engine jars, or DJL finds nothing. Activation therefore
 * loads PyTorch, ONNX Runtime and the tokenizers' natives with this bundle's loader set; later calls from any bundle
 * find them loaded. {@code ai.djl.offline=true} is set before, so that no engine ever tries to download.
 */
@Component(service = InferenceRuntime.class, immediate = true, configurationPid = InferenceEngine.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = InferenceConfiguration.class)
public final class InferenceEngine implements InferenceRuntime {

    static final String PID = "org.finrec.inference";
    /** Framework property naming the runtime's data folder. */
    static final String DATA_FOLDER_PROPERTY = "finrec.data.dir";

    private static final Logger LOG = LoggerFactory.getLogger(InferenceEngine.class);

    private final Device device;
    private final int gpuCount;
    private final Map<String, String> engines;
    private final MemoryBudget memoryBudget;
    /** The settings serving: those of the activation, with a memory budget changed since. */
    private volatile InferenceSettings settings;

    /**
     * Activates the engine: checks the configuration, then loads the engines' natives and picks the device.
     *
     * @throws InvalidConfigurationException when a setting is out of range, naming the PID, property and value
     */
    @Activate
    public InferenceEngine(Map<String, Object> properties, BundleContext context) throws Exception {
        InferenceSettings configuration = InferenceSettings.of(properties);
        this.settings = configuration;
        System.setProperty("ai.djl.offline", "true");
        cacheFolder(configuration, context).ifPresent(folder -> {
            System.setProperty("DJL_CACHE_DIR", folder.toString());
            System.setProperty("ENGINE_CACHE_DIR", folder.toString());
        });
        long started = System.nanoTime();
        Map<String, String> loaded = new LinkedHashMap<>();
        Engine pytorch = withBundleClassLoader(() -> {
            Engine engine = Engine.getEngine("PyTorch");
            loaded.put(engine.getEngineName(), engine.getVersion());
            Engine onnx = Engine.getEngine("OnnxRuntime");
            loaded.put(onnx.getEngineName(), onnx.getVersion());
            LibUtils.checkStatus(); // loads the tokenizers' native library
            return engine;
        });
        this.engines = Map.copyOf(loaded);
        this.memoryBudget = new MemoryBudget(configuration.memoryBudgetBytes());
        this.gpuCount = pytorch.getGpuCount();
        this.device = switch (configuration.device()) {
            case CPU -> Device.cpu();
            case AUTO -> gpuCount > 0 ? Device.gpu(Math.min(configuration.gpuIndex(), gpuCount - 1)) : Device.cpu();
            case GPU -> {
                if (configuration.gpuIndex() >= gpuCount) {
                    throw new IllegalStateException("Configuration " + PID + " asks for GPU "
                            + configuration.gpuIndex() + ", but the engine sees " + gpuCount + " GPU(s); supply "
                            + "the CUDA natives (see the README) or set device=AUTO or CPU");
                }
                yield Device.gpu(configuration.gpuIndex());
            }
        };
        LOG.info("Inference engines {} loaded in {} ms; default device {} ({} GPU(s) visible)", engines,
                (System.nanoTime() - started) / 1_000_000, device, gpuCount);
    }

    private static Optional<Path> cacheFolder(InferenceSettings configuration, BundleContext context) {
        if (!configuration.cacheFolder().isBlank()) {
            return Optional.of(Path.of(configuration.cacheFolder()));
        }
        String data = context.getProperty(DATA_FOLDER_PROPERTY);
        return data == null || data.isBlank() ? Optional.empty()
                : Optional.of(Path.of(data, "djl"));
    }

    /** Runs a task with this bundle's class loader as the thread context class loader, which DJL resolves with. */
    private static <T> T withBundleClassLoader(Callable<T> task) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(InferenceEngine.class.getClassLoader());
        try {
            return task.call();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * Changes the memory budget in place; a change of device, GPU or cache folder takes a restart of the JVM (the
     * natives load once) and is logged as such. A setting out of range is refused and logged with its PID and
     * property, and the previous settings keep serving.
     */
    @Modified
    void modified(Map<String, Object> properties) {
        ConfigurationReader.readChange(() -> InferenceSettings.of(properties), refused ->
                LOG.error("{}; the inference engine keeps memory.budget.mb={} on {}", refused.getMessage(),
                        settings.memoryBudgetMegabytes(), device)).ifPresent(this::apply);
    }

    /** Applies checked settings: the memory budget now, the rest at the next start of the JVM. */
    private void apply(InferenceSettings next) {
        InferenceSettings previous = settings;
        if (next.device() != previous.device() || next.gpuIndex() != previous.gpuIndex()
                || !next.cacheFolder().equals(previous.cacheFolder())) {
            LOG.warn("Configuration {}: device={}, gpu.index={}, cache.folder='{}' apply at the next start of the JVM;"
                    + " the engine keeps running on {}", PID, next.device(), next.gpuIndex(), next.cacheFolder(),
                    device);
        }
        memoryBudget.change(next.memoryBudgetBytes());
        settings = new InferenceSettings(previous.device(), previous.gpuIndex(), previous.cacheFolder(),
                next.memoryBudgetMegabytes());
        LOG.info("Inference memory budget: {} MB ({} MB reserved)", next.memoryBudgetMegabytes(),
                memoryBudget.reserved() >> 20);
    }

    @Override
    public ModelReservation reserve(String model, long bytes) {
        return memoryBudget.reserve(model, bytes);
    }

    @Override
    public long memoryBudget() {
        return memoryBudget.budget();
    }

    @Override
    public long reservedMemory() {
        return memoryBudget.reserved();
    }

    @Override
    public String device() {
        return device.isGpu() ? Device.Type.GPU + device.getDeviceId() : Device.Type.CPU;
    }

    @Override
    public boolean usesGpu() {
        return device.isGpu();
    }

    @Override
    public int gpuCount() {
        return gpuCount;
    }

    @Override
    public Map<String, String> engines() {
        return engines;
    }
}
