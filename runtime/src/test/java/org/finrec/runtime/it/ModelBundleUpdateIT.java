package org.finrec.runtime.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.finrec.api.inference.InferenceRuntime;
import org.finrec.api.inference.TextEncoder;
import org.finrec.runtime.BundleVersions;
import org.finrec.runtime.FinrecRuntime;
import org.finrec.runtime.FinrecRuntimeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;

/**
 * The model-bundle lifecycle through the runtime API, as a host runs it: a new version of the encoder bundle whose
 * model is missing, damaged or over the memory budget is removed again, holding no memory reservation, while the
 * previous version keeps encoding; a good new version takes over side by side. In its own JVM (Failsafe forks per class), since DJL loads its natives once per JVM.
 */
class ModelBundleUpdateIT {

    private static final Path BUNDLES = Path.of(System.getProperty("finrec.bundles", "target/finrec-runtime/bundles"));
    private static final String ENCODER = "org.finrec.encoder.minilm";
    private static final String MODEL_ENTRY = "model/all-minilm-l6-v2.onnx";

    @TempDir
    Path work;

    @Test
    void aModelThatFailsToLoadOrExceedsTheMemoryBudgetLeavesThePreviousOneServing() throws Exception {
        Path jar;
        try (Stream<Path> files = Files.list(BUNDLES)) {
            jar = files.filter(file -> file.getFileName().toString().startsWith("finrec-encoder-minilm")).findFirst()
                    .orElseThrow();
        }
        String buildVersion;
        try (JarFile file = new JarFile(jar.toFile())) {
            buildVersion = file.getManifest().getMainAttributes().getValue("Bundle-Version");
        }
        try (FinrecRuntime runtime = FinrecRuntime.builder().bundleFolder(BUNDLES).mavenRepositoryFallback(false)
                .storageFolder(work.resolve("storage")).feature("platform").feature("inference")
                .serviceTimeout(Duration.ofSeconds(15)).start()) {
            TextEncoder encoder = runtime.waitForService(TextEncoder.class, null, Duration.ofSeconds(120));
            float[] before = encoder.encode("a pension top-up before retirement");

            Path broken = BundleVersions.withHeaders(jar, Map.of("Bundle-Version",
                    BundleVersions.swapVersion(buildVersion, 1)), Set.of(MODEL_ENTRY), work.resolve("broken.jar"));
            FinrecRuntimeException failure = assertThrows(FinrecRuntimeException.class,
                    () -> runtime.replace(broken));
            assertTrue(failure.getMessage().contains("did not take over"), failure.getMessage());
            assertEquals(1, encoderBundles(runtime), "the broken version was removed");
            assertArrayEquals(before, runtime.waitForService(TextEncoder.class, null, Duration.ofSeconds(5))
                    .encode("a pension top-up before retirement"), 1e-5f, "the previous model still serves");

            Path good = BundleVersions.withVersion(jar, BundleVersions.swapVersion(buildVersion, 2),
                    work.resolve("good.jar"));
            Bundle replacement = runtime.replace(good);
            assertEquals(1, encoderBundles(runtime));
            TextEncoder updated = runtime.waitForService(TextEncoder.class, null, Duration.ofSeconds(5));
            assertArrayEquals(before, updated.encode("a pension top-up before retirement"), 1e-5f);
            assertEquals(replacement.getBundleId(), runtime.bundleContext()
                    .getServiceReference(TextEncoder.class).getBundle().getBundleId());

            // a memory budget with room for one model only: a side-by-side update cannot load the second copy
            InferenceRuntime inference = runtime.waitForService(InferenceRuntime.class, null, Duration.ofSeconds(5));
            long modelBytes = inference.reservedMemory();
            assertTrue(modelBytes > 80L << 20, "the encoder reserves its model's size: " + modelBytes);

            // model bytes that ONNX Runtime refuses: the half-activated version gives back its memory reservation
            Path corrupt = withCorruptModel(BundleVersions.withVersion(jar, BundleVersions.swapVersion(buildVersion,
                    4), work.resolve("corrupt-version.jar")), work.resolve("corrupt.jar"));
            assertThrows(FinrecRuntimeException.class, () -> runtime.replace(corrupt));
            assertEquals(replacement.getBundleId(), runtime.bundleContext()
                    .getServiceReference(TextEncoder.class).getBundle().getBundleId(), "the previous version serves");
            assertEquals(modelBytes, inference.reservedMemory(), "a model that fails to load holds no reservation");
            runtime.configure("org.finrec.inference", Map.of("memory.budget.mb", (modelBytes >> 20) + 20));
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (inference.memoryBudget() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            Path tooBig = BundleVersions.withVersion(jar, BundleVersions.swapVersion(buildVersion, 3),
                    work.resolve("too-big.jar"));
            assertThrows(FinrecRuntimeException.class, () -> runtime.replace(tooBig));
            assertEquals(replacement.getBundleId(), runtime.bundleContext()
                    .getServiceReference(TextEncoder.class).getBundle().getBundleId(), "the previous version serves");
            assertEquals(modelBytes, inference.reservedMemory(), "the refused model holds no reservation");
            assertArrayEquals(before, runtime.waitForService(TextEncoder.class, null, Duration.ofSeconds(5))
                    .encode("a pension top-up before retirement"), 1e-5f);
        }
    }

    /** A copy of the bundle whose ONNX model entry holds bytes that are not a model. */
    private static Path withCorruptModel(Path jar, Path out) throws IOException {
        try (JarFile in = new JarFile(jar.toFile());
                JarOutputStream copy = new JarOutputStream(Files.newOutputStream(out), in.getManifest())) {
            for (JarEntry entry : Collections.list(in.entries())) {
                if (entry.getName().equals(JarFile.MANIFEST_NAME)) {
                    continue;
                }
                copy.putNextEntry(new JarEntry(entry.getName()));
                if (entry.getName().equals(MODEL_ENTRY)) {
                    copy.write("not an ONNX model".getBytes(StandardCharsets.UTF_8));
                } else {
                    try (InputStream content = in.getInputStream(entry)) {
                        content.transferTo(copy);
                    }
                }
                copy.closeEntry();
            }
        }
        return out;
    }

    private static long encoderBundles(FinrecRuntime runtime) {
        return Arrays.stream(runtime.bundleContext().getBundles())
                .filter(bundle -> ENCODER.equals(bundle.getSymbolicName()) && bundle.getState() != Bundle.UNINSTALLED)
                .count();
    }
}
