package org.finrec.runtime.it;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.inject.Inject;
import org.finrec.api.inference.InferenceRuntime;
import org.finrec.api.Product;
import org.finrec.api.ProductCatalog;
import org.finrec.api.ProductCategory;
import org.finrec.api.inference.TextEncoder;
import org.finrec.api.text.MatchMode;
import org.finrec.api.text.ProductMatch;
import org.finrec.api.text.ProductQuery;
import org.finrec.api.text.ProductTextIndex;
import org.finrec.runtime.BundleVersions;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The inference bundle in Felix, offline: engines load from the embedded natives, the MiniLM encoder puts similar
 * sentences closer together than unrelated ones, model bundles compute with DJL tensors, and the encoder bundle,
 * which imports ai.djl.*, is updated several times while the inference bundle keeps running. All in one class: DJL
 * loads its natives once per JVM (Failsafe forks a JVM per class).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class InferenceIT {

    private static final String ENCODER_BUNDLE = "org.finrec.encoder.minilm";

    @Inject
    private BundleContext context;

    private static final int UPDATES = 3;

    /** Prepares the encoder bundle's next versions here, outside the framework, where the runtime classes are. */
    @Configuration
    public Option[] configuration() throws IOException {
        Path data = Files.createTempDirectory("finrec-inference-it");
        Path bundles = Path.of(System.getProperty("finrec.bundles", "target/finrec-runtime/bundles"));
        Path jar;
        try (var files = Files.list(bundles)) {
            jar = files.filter(f -> f.getFileName().toString().startsWith("finrec-encoder-minilm")).findFirst()
                    .orElseThrow();
        }
        String buildVersion;
        try (java.util.jar.JarFile file = new java.util.jar.JarFile(jar.toFile())) {
            buildVersion = file.getManifest().getMainAttributes().getValue("Bundle-Version");
        }
        for (int update = 1; update <= UPDATES; update++) {
            BundleVersions.withVersion(jar, BundleVersions.swapVersion(buildVersion, update),
                    data.resolve("encoder-" + update + ".jar"));
        }
        return OptionUtils.combine(FeatureOptions.of("platform", "inference", "text"),
                systemProperty("finrec.data.dir").value(data.toString()),
                systemProperty("finrec.it.work").value(data.toString()));
    }

    private <T> T service(Class<T> type) throws InterruptedException {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        T service = tracker.waitForService(120_000);
        assertNotNull("no " + type.getSimpleName() + " within 120 s", service);
        return service;
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }

    @Test
    public void encodesOfflineTensorsComputeAndTheModelBundleUpdatesUnderTheRunningEngine() throws Exception {
        InferenceRuntime runtime = service(InferenceRuntime.class);
        assertEquals(Map.of("PyTorch", "2.7.1", "OnnxRuntime", "1.21.1"), runtime.engines());
        // the device the service reports follows the configured policy (the default, AUTO with gpu.index 0) from
        // the GPUs the engine itself sees, and is a device the engine computes on
        int visibleGpus = Engine.getEngine("PyTorch").getGpuCount();
        assertEquals("GPUs the PyTorch engine sees", visibleGpus, runtime.gpuCount());
        String expectedDevice = visibleGpus > 0 ? "gpu0" : "cpu";
        assertEquals("AUTO takes the first GPU the engine sees, else the CPU", expectedDevice, runtime.device());
        assertEquals(visibleGpus > 0, runtime.usesGpu());
        try (NDManager onDevice = Engine.getEngine("PyTorch").newBaseManager(Device.fromName(runtime.device()))) {
            NDArray ones = onDevice.ones(new Shape(3));
            assertEquals(Device.fromName(expectedDevice), ones.getDevice());
            assertEquals(3f, ones.sum().getFloat(), 0f);
        }

        TextEncoder encoder = service(TextEncoder.class);
        assertEquals(384, encoder.dimension());
        float[] saving = encoder.encode("saving for my daughter's university");
        float[] education = encoder.encode("an investment fund for a child's education");
        float[] card = encoder.encode("a credit card with cashback on fuel");
        assertEquals(1.0, cosine(saving, saving), 1e-4);
        assertTrue("similar sentences must be closer: " + cosine(saving, education) + " vs " + cosine(saving, card),
                cosine(saving, education) > cosine(saving, card) + 0.1);
        List<float[]> batch = encoder.encodeAll(List.of("saving for my daughter's university",
                "a credit card with cashback on fuel"));
        assertArrayEquals("batched and single encodings agree", saving, batch.get(0), 1e-4f);
        assertArrayEquals(card, batch.get(1), 1e-4f);

        searchesTheCatalogueByMeaningThroughTheTextService();

        try (NDManager manager = Engine.getEngine("PyTorch").newBaseManager()) {
            NDArray matrix = manager.create(new float[] {1, 2, 3, 4}, new Shape(2, 2));
            assertArrayEquals(new float[] {7, 10, 15, 22}, matrix.matMul(matrix).toFloatArray(), 1e-6f);
        }

        Bundle engineBundle = context.getServiceReference(InferenceRuntime.class).getBundle();
        Bundle encoderBundle = bundle(ENCODER_BUNDLE);
        Path work = Path.of(System.getProperty("finrec.it.work"));
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger encoded = new AtomicInteger();
        AtomicInteger unexpected = new AtomicInteger();
        AtomicReference<Throwable> firstUnexpected = new AtomicReference<>();
        ServiceTracker<TextEncoder, TextEncoder> encoders = new ServiceTracker<>(context, TextEncoder.class, null);
        encoders.open();
        ExecutorService callers = Executors.newFixedThreadPool(2);
        for (int t = 0; t < 2; t++) {
            callers.execute(() -> {
                while (running.get()) {
                    TextEncoder current = encoders.getService();
                    if (current == null) {
                        Thread.onSpinWait();
                        continue; // between the old and the new version: no service, which is expected
                    }
                    try {
                        assertArrayEquals(saving, current.encode("saving for my daughter's university"), 1e-4f);
                        encoded.incrementAndGet();
                    } catch (IllegalStateException closing) {
                        // the component was deactivated under this call (its batcher refuses new work)
                    } catch (Throwable t2) {
                        unexpected.incrementAndGet();
                        firstUnexpected.compareAndSet(null, t2);
                    }
                }
            });
        }
        for (int update = 1; update <= UPDATES; update++) {
            int before = encoded.get();
            Path next = work.resolve("encoder-" + update + ".jar");
            try (InputStream content = Files.newInputStream(next)) {
                encoderBundle.update(content);
            }
            TextEncoder updated = service(TextEncoder.class);
            assertArrayEquals("the updated model bundle encodes as before", saving,
                    updated.encode("saving for my daughter's university"), 1e-4f);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (encoded.get() < before + 20 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertTrue("encoding continues after update " + update, encoded.get() >= before + 20);
        }
        running.set(false);
        callers.shutdown();
        assertTrue(callers.awaitTermination(30, TimeUnit.SECONDS));
        encoders.close();
        assertEquals("unexpected failures, first: " + firstUnexpected.get(), 0, unexpected.get());
        assertEquals(String.format("swap%04d", UPDATES), bundle(ENCODER_BUNDLE).getVersion().getQualifier());
        assertEquals("the inference bundle was never restarted", Bundle.ACTIVE, engineBundle.getState());
        assertSame(engineBundle, context.getServiceReference(InferenceRuntime.class).getBundle());
    }

    /**
     * A bad encoder setting is refused and the encoder serves on, untouched; a valid one applies in place, under
     * load, without a failed call or a new service.
     */
    @Test
    public void encoderSettingsAreCheckedAsTheyArriveAndApplyInPlace() throws Exception {
        TextEncoder encoder = service(TextEncoder.class);
        long serviceId = (Long) context.getServiceReference(TextEncoder.class).getProperty("service.id");
        float[] saving = encoder.encode("saving for my daughter's university");
        StringBuilder words = new StringBuilder("saving for my daughter's university");
        for (int i = 0; i < 10; i++) { // about 90 word pieces: within the default 256, beyond 16
            words.append(" and a long description of her plans");
        }
        String longer = words.toString();
        String longerDifferentEnd = longer + " with a completely different ending about mortgages and cards";

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger encoded = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        ExecutorService callers = Executors.newFixedThreadPool(2);
        for (int t = 0; t < 2; t++) {
            callers.execute(() -> {
                while (running.get()) {
                    try {
                        assertArrayEquals(saving, encoder.encode("saving for my daughter's university"), 1e-4f);
                        encoded.incrementAndGet();
                    } catch (Throwable t2) {
                        failure.compareAndSet(null, t2);
                    }
                }
            });
        }
        org.osgi.service.cm.ConfigurationAdmin admin = service(org.osgi.service.cm.ConfigurationAdmin.class);
        org.osgi.service.cm.Configuration settings = admin.getConfiguration("org.finrec.encoder.minilm", "?");
        try {
            java.util.Hashtable<String, Object> typo = new java.util.Hashtable<>(Map.of("max.tokens", "abc"));
            settings.update(typo);
            Thread.sleep(1_000);
            assertEquals("a refused setting leaves the encoder registered as it was", serviceId,
                    context.getServiceReference(TextEncoder.class).getProperty("service.id"));
            assertArrayEquals(saving, encoder.encode("saving for my daughter's university"), 1e-4f);
            assertTrue("texts that differ after 90 word pieces still encode apart: the default 256 still holds",
                    cosine(encoder.encode(longer), encoder.encode(longerDifferentEnd)) < 0.9999);

            settings.update(new java.util.Hashtable<>(Map.of("max.tokens", 16, "max.batch.size", 4)));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (cosine(encoder.encode(longer), encoder.encode(longerDifferentEnd)) < 0.9999) {
                assertTrue("max.tokens=16 applies: texts alike in their first 16 tokens encode alike",
                        System.nanoTime() < deadline);
                Thread.sleep(50);
            }
            assertEquals("applied in place, not by a new component", serviceId,
                    context.getServiceReference(TextEncoder.class).getProperty("service.id"));
        } finally {
            settings.delete();
            Thread.sleep(500);
            running.set(false);
            callers.shutdown();
            assertTrue(callers.awaitTermination(30, TimeUnit.SECONDS));
        }
        assertTrue("calls went on during the changes", encoded.get() > 0);
        assertEquals("no call failed while the settings changed", null, failure.get());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (cosine(encoder.encode(longer), encoder.encode(longerDifferentEnd)) >= 0.9999) {
            assertTrue("deleting the configuration brings back the default of 256 tokens",
                    System.nanoTime() < deadline);
            Thread.sleep(50);
        }
    }

    /** The Lucene text index with the real MiniLM embeddings: a customer's intent finds a product without a shared word. */
    private void searchesTheCatalogueByMeaningThroughTheTextService() throws Exception {
        ServiceRegistration<ProductCatalog> catalog = context.registerService(ProductCatalog.class,
                ProductCatalog.of(List.of(
                        Product.builder("card").name("Cashback credit card").category(ProductCategory.CARD)
                                .riskClass(2).description("Earn cashback on fuel and groceries").build(),
                        Product.builder("junior-saver").name("Junior saver").category(ProductCategory.ACCOUNT).riskClass(1)
                                .description("A savings account for a child's future, such as college fees").build(),
                        Product.builder("mortgage").name("Fixed-rate mortgage").category(ProductCategory.LOAN)
                                .riskClass(3).description("A home loan with a rate fixed for ten years").build())),
                null);
        try {
            ProductTextIndex index = service(ProductTextIndex.class);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!(index.size() == 3 && index.understandsMeaning()) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertTrue("the index holds the catalogue with embeddings", index.understandsMeaning());
            List<ProductMatch> matches = index.search(new ProductQuery("paying for my daughter's university", 3,
                    MatchMode.MEANING, Optional.empty(), OptionalInt.empty()));
            assertEquals("junior-saver", matches.get(0).productId());
            assertEquals("card", index.search(ProductQuery.of("cashback when I buy petrol", 1)).get(0).productId());
        } finally {
            catalog.unregister();
        }
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle bundle : context.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        throw new AssertionError(symbolicName + " is not installed");
    }
}
