package org.finrec.runtime.it;

import java.util.Arrays;
import java.util.jar.JarFile;
import org.finrec.api.experiment.ExperimentReport;
import org.finrec.api.experiment.ExperimentService;
import org.finrec.runtime.BundleVersions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.finrec.api.ProductCatalog;
import org.finrec.api.data.Dataset;
import org.finrec.api.recommend.RecommendationRequest;
import org.finrec.api.recommend.RecommendationResponse;
import org.finrec.api.recommend.RecommendationUnavailableException;
import org.finrec.api.spi.Recommender;
import org.finrec.runtime.FinrecRuntime;
import org.finrec.runtime.FinrecRuntimeException;
import org.finrec.runtime.internal.FeatureReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.service.feature.Feature;

/**
 * The host-facing runtime API and the assembled distribution, without Pax Exam: what a bank's platform does when
 * it embeds Finrec or runs {@code bin/finrec}.
 */
class FinrecRuntimeIT {

    private static final Path DISTRIBUTION = Path.of(System.getProperty("finrec.distribution",
            "target/finrec-runtime"));
    /** The project's feature files, beside this module. */
    private static final Path FEATURE_SOURCES = Path.of("..", "features");

    /** The file names of the bundles that the built-in features name. */
    private static Set<String> bundleFiles(List<String> features) {
        FeatureReader reader = new FeatureReader();
        Set<String> named = new TreeSet<>();
        for (String feature : features) {
            Feature parsed = reader.read(FeatureReader.builtIn(feature));
            parsed.getBundles().forEach(bundle -> named.add(bundle.getID().getArtifactId() + "-"
                    + bundle.getID().getVersion() + ".jar"));
        }
        return named;
    }

    @Test
    void distributionHoldsExactlyTheBundlesTheFeaturesName() throws IOException {
        // every feature the project defines, default and optional: the distribution carries them all for offline
        // hosts, so a new feature whose bundles runtime/pom.xml forgets fails here; the api feature is for other
        // containers, since the runtime exports the API from its system bundle
        List<String> features;
        try (Stream<Path> files = Files.list(FEATURE_SOURCES)) {
            features = files.map(path -> path.getFileName().toString()).filter(file -> file.endsWith(".json"))
                    .map(file -> file.substring(0, file.length() - ".json".length()))
                    .filter(feature -> !feature.equals("api")).sorted().toList();
        }
        assertTrue(features.containsAll(FinrecRuntime.DEFAULT_FEATURES), "features found: " + features);
        Set<String> named = bundleFiles(features);
        Set<String> shipped;
        try (Stream<Path> files = Files.list(DISTRIBUTION.resolve("bundles"))) {
            shipped = files.map(path -> path.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(named, shipped, "runtime/pom.xml's provided dependencies must match the features' bundles");
    }

    @Test
    void embeddedRuntimeServesRecommendationsAndFollowsACoreRestart() throws Exception {
        try (FinrecRuntime runtime = start()) {
            registerTestBank(runtime);
            RecommendationRequest request = RecommendationRequest.builder(TestBank.cautiousCustomer()).k(3).build();

            RecommendationResponse first = runtime.recommendationService().recommend(request);
            assertEquals(3, first.recommendations().size());
            assertEquals("popularity", first.servedBy());

            Bundle core = runtime.provisionedBundles().stream()
                    .filter(bundle -> bundle.getSymbolicName().equals("org.finrec.core")).findFirst().orElseThrow();
            core.stop();
            Thread restarter = new Thread(() -> {
                try {
                    Thread.sleep(300);
                    core.start();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            restarter.start();
            // the host's handle waits for the restarted facade instead of failing
            RecommendationResponse afterRestart = runtime.recommendationService().recommend(request);
            restarter.join();
            assertEquals(first.recommendations().stream().map(r -> r.product().id()).toList(),
                    afterRestart.recommendations().stream().map(r -> r.product().id()).toList());
        }
    }

    @Test
    void bundlesLogIntoTheHostsOwnSlf4j() throws Exception {
        // this test's class path holds slf4j-api and slf4j-simple, as a bank's host typically does
        try (FinrecRuntime runtime = start()) {
            Bundle core = runtime.provisionedBundles().stream()
                    .filter(bundle -> bundle.getSymbolicName().equals("org.finrec.core")).findFirst().orElseThrow();

            assertSame(org.slf4j.LoggerFactory.class, core.loadClass("org.slf4j.LoggerFactory"),
                    "a bundle's slf4j must be the host's, so that its messages join the host's logging");
        }
    }

    @Test
    void aWaitForAServiceWhoseComponentFailedFailsAtOnceWithTheFailure(@TempDir Path store) throws Exception {
        try (FinrecRuntime runtime = start()) {
            registerTestBank(runtime);
            // a model version that is not in the store: the component refuses to activate
            runtime.configure("org.finrec.recommender.popularity~pinned", Map.of(
                    Recommender.NAME, "pinned", "model.store", store.toString(), "model.version", "abcdef012345"));

            FinrecRuntimeException failure = assertThrows(FinrecRuntimeException.class,
                    () -> runtime.waitForService(Recommender.class, "(" + Recommender.NAME + "=pinned)",
                            Duration.ofMinutes(10)));

            assertTrue(failure.getMessage().contains("failed to activate"), failure.getMessage());
            assertTrue(failure.getMessage().contains("org.finrec.recommender.popularity~pinned"),
                    "the failure names the configuration's PID: " + failure.getMessage());
            assertTrue(failure.getMessage().contains("abcdef012345"), failure.getMessage());
        }
    }

    @Test
    void aWaitDuringATrainingLongerThanTheComponentLockTimeoutReturnsTheServiceOnceTrained() throws Exception {
        // SCR registers a component's service before it activates it: a wait that starts while the activation
        // (here a training slowed to 3 s, past SCR's lock timeout) runs must still get the service once trained.
        // A suspect for the evaluation that hung once (issue 13); this shows that Felix SCR 2.2 blocks the get
        // until the activation ends, so the suspicion is ruled out
        try (FinrecRuntime runtime = FinrecRuntime.builder().bundleFolder(DISTRIBUTION.resolve("bundles"))
                .frameworkProperty("ds.lock.timeout.milliseconds", "300").start()) {
            runtime.registerService(ProductCatalog.class, TestBank.catalog(), Map.of());
            runtime.registerService(Dataset.class, slowly(TestBank.dataset(), 3_000),
                    Map.of(Dataset.NAME, "slow-bank"));
            runtime.configure("org.finrec.recommender.popularity~slow", Map.of(Recommender.NAME, "slow",
                    "dataset.target", "(" + Dataset.NAME + "=slow-bank)"));
            Thread.sleep(1_000); // the service is registered and its component is activating (training)

            long started = System.nanoTime();
            Recommender slow = runtime.waitForService(Recommender.class, "(" + Recommender.NAME + "=slow)",
                    Duration.ofSeconds(60));

            assertEquals("slow", slow.name());
            assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(30),
                    "returned once trained, not at the timeout");
        }
    }

    @Test
    void aLongTrainingDoesNotHoldBackAnyOtherConfigurationChange() throws Exception {
        try (FinrecRuntime runtime = start()) {
            registerTestBank(runtime);
            runtime.registerService(Dataset.class, slowly(TestBank.dataset(), 10_000),
                    Map.of(Dataset.NAME, "slow-bank"));
            RecommendationRequest request = RecommendationRequest.builder(TestBank.cautiousCustomer()).k(2).build();
            assertEquals(2, runtime.recommendationService().recommend(request).recommendations().size());

            runtime.configure("org.finrec.recommender.popularity~slow", Map.of(Recommender.NAME, "slow",
                    "dataset.target", "(" + Dataset.NAME + "=slow-bank)"));
            Thread.sleep(500); // its training has begun
            long changed = System.nanoTime();
            runtime.configure("org.finrec.core.facade", Map.of("max.k", 1));
            awaitSize(runtime, request, 1);

            assertTrue(System.nanoTime() - changed < TimeUnit.SECONDS.toNanos(5),
                    "the facade's change applied while the 10 s training ran, not after it");
            assertEquals("slow", runtime.waitForService(Recommender.class, "(" + Recommender.NAME + "=slow)",
                    Duration.ofSeconds(60)).name(), "and the slow one serves once trained");
        }
    }

    /** A dataset whose first read of its interactions takes {@code millis} longer. */
    private static Dataset slowly(Dataset dataset, long millis) {
        java.util.concurrent.atomic.AtomicBoolean first = new java.util.concurrent.atomic.AtomicBoolean(true);
        return (Dataset) java.lang.reflect.Proxy.newProxyInstance(Dataset.class.getClassLoader(),
                new Class<?>[] {Dataset.class}, (proxy, method, arguments) -> {
                    if (method.getName().equals("interactionCount") && first.getAndSet(false)) {
                        Thread.sleep(millis);
                    }
                    try {
                        return method.invoke(dataset, arguments);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Test
    void aWaitThatTimesOutSaysThatNoComponentProvidesTheService() throws Exception {
        try (FinrecRuntime runtime = start()) {
            FinrecRuntimeException failure = assertThrows(FinrecRuntimeException.class,
                    () -> runtime.waitForService(Recommender.class, "(" + Recommender.NAME + "=nobody)",
                            Duration.ofMillis(500)));

            assertTrue(failure.getMessage().contains("no component provides it"), failure.getMessage());
        }
    }

    @Test
    void configureChangesTheFacadeWhileItRuns() throws Exception {
        try (FinrecRuntime runtime = start()) {
            registerTestBank(runtime);
            RecommendationRequest request = RecommendationRequest.builder(TestBank.cautiousCustomer()).k(2).build();
            assertFalse(runtime.recommendationService().recommend(request).isFallback());

            runtime.configure("org.finrec.core.facade", Map.of("recommender", "not-installed",
                    "fallback.recommender", "popularity"));

            RecommendationResponse response = awaitFallback(runtime, request);
            assertTrue(response.fallbackReason().orElseThrow().message().contains("not-installed"));
            assertEquals(2, response.recommendations().size());
        }
    }

    @Test
    void aConfigurationFileDroppedIntoTheConfigurationFolderReconfiguresTheFacade(@TempDir Path conf)
            throws Exception {
        try (FinrecRuntime runtime = FinrecRuntime.builder().bundleFolder(DISTRIBUTION.resolve("bundles"))
                .mavenRepositoryFallback(false).configurationFolder(conf).start()) {
            registerTestBank(runtime);
            RecommendationRequest request = RecommendationRequest.builder(TestBank.cautiousCustomer()).k(2).build();
            assertFalse(runtime.recommendationService().recommend(request).isFallback());

            Path staged = Files.writeString(conf.resolveSibling(conf.getFileName() + ".tmp"),
                    "recommender=from-a-file\nfallback.recommender=popularity\n");
            Files.move(staged, conf.resolve("org.finrec.core.facade.cfg"), StandardCopyOption.ATOMIC_MOVE);

            RecommendationResponse response = awaitFallback(runtime, request);
            assertTrue(response.fallbackReason().orElseThrow().message().contains("from-a-file"));

            // a change through the API must never be written into the operator's file
            String written = Files.readString(conf.resolve("org.finrec.core.facade.cfg"));
            runtime.configure("org.finrec.core.facade", Map.of("recommender", "popularity"));
            awaitServing(runtime, request);
            Thread.sleep(1_500); // three of FileInstall's polls
            assertEquals(written, Files.readString(conf.resolve("org.finrec.core.facade.cfg")));
            try (Stream<Path> files = Files.list(conf)) {
                assertEquals(List.of("org.finrec.core.facade.cfg"),
                        files.map(file -> file.getFileName().toString()).toList(), "no file was added");
            }
        }
    }

    @Test
    void aTypoInTheFacadesConfigurationFileIsRefusedAndThePreviousSettingsKeepServing(@TempDir Path conf)
            throws Exception {
        try (FinrecRuntime runtime = FinrecRuntime.builder().bundleFolder(DISTRIBUTION.resolve("bundles"))
                .configurationFolder(conf).start()) {
            registerTestBank(runtime);
            RecommendationRequest request = RecommendationRequest.builder(TestBank.cautiousCustomer()).k(2).build();
            dropFile(conf, "org.finrec.core.facade.cfg", "max.k=1\n");
            awaitSize(runtime, request, 1);

            for (String typo : List.of("max.k=abc\n", "max.k=0\n", "time.budget.ms=\n", "max.k=1\nworker.threads=-4\n")) {
                dropFile(conf, "org.finrec.core.facade.cfg", typo);
                Thread.sleep(1_500); // three of FileInstall's polls

                RecommendationResponse response = runtime.recommendationService().recommend(request);
                assertFalse(response.isFallback(), "after " + typo);
                assertEquals(1, response.recommendations().size(), "the previous max.k serves after " + typo);
            }
            dropFile(conf, "org.finrec.core.facade.cfg", "max.k=2\n");
            awaitSize(runtime, request, 2);
        }
    }

    @Test
    void aRefusedThenDeletedThenCorrectedRecommenderFileServesAgainWithoutARestart(@TempDir Path conf,
            @TempDir Path store) throws Exception {
        try (FinrecRuntime runtime = FinrecRuntime.builder().bundleFolder(DISTRIBUTION.resolve("bundles"))
                .configurationFolder(conf).start()) {
            registerTestBank(runtime);
            String file = "org.finrec.recommender.popularity-filed.cfg";
            String filter = "(" + Recommender.NAME + "=filed)";
            dropFile(conf, file, Recommender.NAME + "=filed\nmodel.store=" + store.toString().replace("\\", "/")
                    + "\nmodel.version=abcdef012345\n");
            FinrecRuntimeException refused = assertThrows(FinrecRuntimeException.class,
                    () -> runtime.waitForService(Recommender.class, filter, Duration.ofMinutes(2)));
            assertTrue(refused.getMessage().contains("abcdef012345"), refused.getMessage());

            Files.delete(conf.resolve(file));
            Thread.sleep(1_500); // three of FileInstall's polls
            dropFile(conf, file, Recommender.NAME + "=filed\nmodel.store=" + store.toString().replace("\\", "/")
                    + "\n");

            Recommender served = runtime.waitForService(Recommender.class, filter, Duration.ofMinutes(2));
            assertEquals("filed", served.name());
        }
    }

    @Test
    void aCorruptOutcomeLogStopsTheExperimentServiceLoudlyUntilTheOperatorQuarantinesIt(@TempDir Path storage)
            throws Exception {
        Path segment = storage.resolve("data").resolve("experiments").resolve("outcomes-000001.log");
        try (FinrecRuntime runtime = FinrecRuntime.builder().bundleFolder(DISTRIBUTION.resolve("bundles"))
                .storageFolder(storage).start()) {
            runtime.waitForService(ExperimentService.class, null, Duration.ofMinutes(1));
        }
        byte[] bytes = Files.readAllBytes(segment);
        bytes[0] = (byte) ~bytes[0]; // its header: not an outcome log segment any more
        Files.write(segment, bytes);

        try (FinrecRuntime runtime = FinrecRuntime.builder().bundleFolder(DISTRIBUTION.resolve("bundles"))
                .storageFolder(storage).start()) {
            FinrecRuntimeException refused = assertThrows(FinrecRuntimeException.class,
                    () -> runtime.waitForService(ExperimentService.class, null, Duration.ofMinutes(5)));
            assertTrue(refused.getMessage().contains(segment.toString()), refused.getMessage());
            assertTrue(refused.getMessage().contains("byte offset 0"), refused.getMessage());
            assertTrue(refused.getMessage().contains("quarantine.corrupt.segments=true"), refused.getMessage());

            runtime.configure("org.finrec.experiment.service", Map.of("quarantine.corrupt.segments", true));

            // until Declarative Services applies the new configuration, the failure of the old one is reported
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
            ExperimentService started = null;
            while (started == null) {
                try {
                    started = runtime.waitForService(ExperimentService.class, null, Duration.ofSeconds(10));
                } catch (FinrecRuntimeException stillTheOldFailure) {
                    if (System.nanoTime() > deadline) {
                        throw stillTheOldFailure;
                    }
                    Thread.sleep(100);
                }
            }
            try (Stream<Path> quarantined = Files.list(segment.resolveSibling("quarantine"))) {
                assertEquals(1, quarantined.count(), "the damaged segment is kept aside");
            }
        }
    }

    /** Writes a file next to the folder and moves it in, so that FileInstall never reads half of it. */
    private static void dropFile(Path folder, String name, String content) throws IOException {
        Path staged = Files.writeString(folder.resolveSibling(folder.getFileName() + "-" + name + ".tmp"), content);
        Files.move(staged, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * Registers the test bank and returns once the facade serves it. A popularity service may already be registered
     * from before the dataset arrived and be replaced as it retrains on it, so the wait asks the facade itself.
     */
    private static void registerTestBank(FinrecRuntime runtime) throws InterruptedException {
        runtime.registerService(ProductCatalog.class, TestBank.catalog(), Map.of());
        runtime.registerService(Dataset.class, TestBank.dataset(), Map.of(Dataset.NAME, "test-bank"));
        runtime.waitForService(Recommender.class, "(" + Recommender.NAME + "=popularity)", Duration.ofMinutes(1));
        RecommendationRequest request = RecommendationRequest.builder(TestBank.cautiousCustomer()).k(1).build();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (true) {
            try {
                if (!runtime.recommendationService().recommend(request).isFallback()) {
                    return;
                }
            } catch (RecommendationUnavailableException notYet) {
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
            }
            assertTrue(System.nanoTime() < deadline, "the facade does not serve the test bank");
            Thread.sleep(50);
        }
    }

    private static void awaitSize(FinrecRuntime runtime, RecommendationRequest request, int size)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (runtime.recommendationService().recommend(request).recommendations().size() != size
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(size, runtime.recommendationService().recommend(request).recommendations().size());
    }

    @Test
    void aSecondRuntimeOnTheSameStorageFolderRefusesAndTouchesNothing(@TempDir Path storage) throws Exception {
        try (FinrecRuntime first = FinrecRuntime.builder().bundleFolder(DISTRIBUTION.resolve("bundles"))
                .storageFolder(storage).start()) {
            registerTestBank(first);
            RecommendationRequest request = RecommendationRequest.builder(TestBank.cautiousCustomer()).k(2).build();
            assertFalse(first.recommendationService().recommend(request).isFallback());
            Set<String> cacheBefore = listing(storage);

            FinrecRuntimeException refused = assertThrows(FinrecRuntimeException.class, () -> FinrecRuntime
                    .builder().bundleFolder(DISTRIBUTION.resolve("bundles")).storageFolder(storage).start());

            assertTrue(refused.getMessage().contains("another Finrec runtime"), refused.getMessage());
            assertTrue(refused.getMessage().contains(Long.toString(ProcessHandle.current().pid())),
                    "the message names the owner's process: " + refused.getMessage());
            assertEquals(cacheBefore, listing(storage), "the first runtime's storage is untouched");
            assertFalse(first.recommendationService().recommend(request).isFallback());
        }
        // released on close: the folder can be used again
        FinrecRuntime.builder().bundleFolder(DISTRIBUTION.resolve("bundles")).storageFolder(storage).start().close();
    }

    private static Set<String> listing(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.map(file -> folder.relativize(file).toString()).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static void awaitServing(FinrecRuntime runtime, RecommendationRequest request)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (runtime.recommendationService().recommend(request).isFallback() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    @Test
    void anExperimentFileDroppedIntoTheConfigurationFolderStartsTheExperiment(@TempDir Path conf)
            throws Exception {
        try (FinrecRuntime runtime = FinrecRuntime.builder().bundleFolder(DISTRIBUTION.resolve("bundles"))
                .mavenRepositoryFallback(false).configurationFolder(conf).start()) {
            registerTestBank(runtime);
            Path staged = Files.writeString(conf.resolveSibling(conf.getFileName() + ".tmp"),
                    "id=\"from-a-file\"\n"
                    + "variants=[\"control:80:(finrec.recommender.name=popularity)\",\"treatment:20:"
                    + "(finrec.recommender.name=popularity)\"]\n");
            Files.move(staged, conf.resolve("org.finrec.experiment-from-a-file.config"),
                    StandardCopyOption.ATOMIC_MOVE);

            ExperimentService experiments = runtime.waitForService(ExperimentService.class, null,
                    Duration.ofSeconds(10));
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (experiments.report("from-a-file").isEmpty()) {
                assertTrue(System.nanoTime() < deadline, "the experiment file was not picked up");
                Thread.sleep(20);
            }
            ExperimentReport report = experiments.report("from-a-file").orElseThrow();
            assertEquals(0.8, report.variant("control").orElseThrow().trafficShare(), 0.02);
            RecommendationResponse response = runtime.recommendationService().recommend(
                    RecommendationRequest.builder(TestBank.cautiousCustomer()).k(2).build());
            assertTrue(Set.of("control", "treatment").contains(response.variant()), response.variant());
        }
    }

    @Test
    void aReplacementThatCannotStartIsRemovedAndTheOldVersionKeepsServing(@TempDir Path folder) throws Exception {
        try (FinrecRuntime runtime = start()) {
            registerTestBank(runtime);
            RecommendationRequest request = RecommendationRequest.builder(TestBank.cautiousCustomer()).k(3).build();
            String served = runtime.recommendationService().recommend(request).recommendations().get(0)
                    .recommenderBundle();
            Path original;
            try (Stream<Path> files = Files.list(DISTRIBUTION.resolve("bundles"))) {
                original = files.filter(file -> file.getFileName().toString()
                        .startsWith("finrec-recommender-popularity")).findFirst().orElseThrow();
            }
            String buildVersion = served.substring(served.indexOf('/') + 1);

            FinrecRuntimeException sameVersion = assertThrows(FinrecRuntimeException.class,
                    () -> runtime.replace(original));
            assertTrue(sameVersion.getMessage().contains("must carry a new Bundle-Version"), sameVersion.getMessage());

            String imports;
            try (JarFile jar = new JarFile(original.toFile())) {
                imports = jar.getManifest().getMainAttributes().getValue("Import-Package");
            }
            Path broken = BundleVersions.withHeaders(original, Map.of("Bundle-Version",
                    BundleVersions.swapVersion(buildVersion, 1), "Import-Package", imports + ",org.example.missing"),
                    folder.resolve("broken.jar"));
            FinrecRuntimeException failure = assertThrows(FinrecRuntimeException.class,
                    () -> runtime.replace(broken));
            assertTrue(failure.getMessage().contains("cannot start"), failure.getMessage());
            assertEquals(served, runtime.recommendationService().recommend(request).recommendations().get(0)
                    .recommenderBundle(), "the old version still serves");
            assertEquals(1, Arrays.stream(runtime.bundleContext().getBundles())
                    .filter(bundle -> "org.finrec.recommender.popularity".equals(bundle.getSymbolicName()))
                    .count(), "the broken version was removed");

            Path next = BundleVersions.withVersion(original, BundleVersions.swapVersion(buildVersion, 2),
                    folder.resolve("next.jar"));
            runtime.replace(next);
            assertTrue(runtime.recommendationService().recommend(request).recommendations().get(0)
                    .recommenderBundle().endsWith("swap0002"));
        }
    }

    @Test
    void aMissingBundleFailsTheStartAndNamesIt(@TempDir Path folder) throws IOException {
        Path feature = folder.resolve("broken.json");
        Files.writeString(feature, "{ \"feature-resource-version\": \"1.0\", "
                + "\"id\": \"org.example:broken:osgifeature:broken:1.0.0\", "
                + "\"bundles\": [ { \"id\": \"org.example:not-a-bundle:9.9.9\" } ] }");

        FinrecRuntimeException failure = assertThrows(FinrecRuntimeException.class, () -> FinrecRuntime.builder()
                .feature(feature.toUri().toURL()).bundleFolder(DISTRIBUTION.resolve("bundles"))
                .mavenRepositoryFallback(false).start());

        assertTrue(failure.getMessage().contains("org.example:not-a-bundle:9.9.9"), failure.getMessage());
        assertTrue(failure.getMessage().contains(DISTRIBUTION.resolve("bundles").toString()), failure.getMessage());
    }

    @Test
    void aMalformedFeatureFailsTheStartAndNamesTheFile(@TempDir Path folder) throws IOException {
        Path feature = folder.resolve("malformed.json");
        Files.writeString(feature, "{ \"bundles\": [ ");

        FinrecRuntimeException failure = assertThrows(FinrecRuntimeException.class,
                () -> FinrecRuntime.builder().feature(feature.toUri().toURL()).start());

        assertTrue(failure.getMessage().contains("malformed.json"), failure.getMessage());
    }

    @Test
    void theDistributionPrintsAFailedDeploymentWithItsBundleAndATimestamp() throws Exception {
        // a bundle that cannot resolve: it imports a package nothing exports
        Path unresolvable = DISTRIBUTION.resolve("deploy/unresolvable.jar");
        writeBundle(unresolvable, "test.unresolvable", Map.of("Import-Package", "org.nowhere.at.all"));
        // a file that is no bundle at all, which FileInstall alone would skip without a word
        Path notes = Files.writeString(DISTRIBUTION.resolve("deploy/notes.txt"), "not a bundle");
        Process process = new ProcessBuilder(DISTRIBUTION.resolve("bin/finrec").toAbsolutePath().toString())
                .redirectErrorStream(true).start();
        List<String> seen = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        java.util.concurrent.CompletableFuture<String> reported = new java.util.concurrent.CompletableFuture<>();
        java.util.concurrent.CompletableFuture<String> notABundle = new java.util.concurrent.CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader output = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = output.readLine()) != null) {
                    seen.add(line);
                    if (line.contains("test.unresolvable") || line.contains("unresolvable.jar")) {
                        reported.complete(line);
                    }
                    if (line.contains("notes.txt")) {
                        notABundle.complete(line);
                    }
                }
            } catch (IOException e) {
                reported.completeExceptionally(e);
            }
        });
        reader.start();
        try {
            String line = reported.get(60, TimeUnit.SECONDS);
            assertTrue(line.matches("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}.*"),
                    "the line starts with a timestamp: " + line);
            assertTrue(line.contains("WARN") || line.contains("ERROR"), line);
            String ignored = notABundle.get(60, TimeUnit.SECONDS);
            assertTrue(ignored.contains("ERROR") && ignored.contains("cannot be read as a jar"), ignored);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no line names the failed bundle and the file that is no bundle within 60 s: "
                    + seen, e);
        } finally {
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
            Files.deleteIfExists(unresolvable);
            Files.deleteIfExists(notes);
        }
    }

    private static void writeBundle(Path file, String symbolicName, Map<String, String> headers) throws IOException {
        java.util.jar.Manifest manifest = new java.util.jar.Manifest();
        manifest.getMainAttributes().putValue("Manifest-Version", "1.0");
        manifest.getMainAttributes().putValue("Bundle-ManifestVersion", "2");
        manifest.getMainAttributes().putValue("Bundle-SymbolicName", symbolicName);
        headers.forEach(manifest.getMainAttributes()::putValue);
        try (var jar = new java.util.jar.JarOutputStream(Files.newOutputStream(file), manifest)) {
            jar.flush();
        }
    }

    @Test
    void aCopyOfACoreBundleInTheDeployFolderIsRefusedAndRemovingItLeavesTheCoreBundleServing(
            @TempDir Path deploy) throws Exception {
        try (FinrecRuntime runtime = FinrecRuntime.builder().bundleFolder(DISTRIBUTION.resolve("bundles"))
                .deployFolder(deploy).start()) {
            registerTestBank(runtime);
            RecommendationRequest request = RecommendationRequest.builder(TestBank.cautiousCustomer()).k(2).build();
            assertFalse(runtime.recommendationService().recommend(request).isFallback());
            Path core;
            try (Stream<Path> files = Files.list(DISTRIBUTION.resolve("bundles"))) {
                core = files.filter(file -> file.getFileName().toString().startsWith("finrec-core-"))
                        .findFirst().orElseThrow();
            }

            Files.copy(core, deploy.resolve("copy-of-core.jar"));
            Thread.sleep(1_500); // three of FileInstall's polls
            Files.delete(deploy.resolve("copy-of-core.jar"));
            Thread.sleep(1_500);

            List<Bundle> cores = Arrays.stream(runtime.bundleContext().getBundles())
                    .filter(bundle -> "org.finrec.core".equals(bundle.getSymbolicName())).toList();
            assertEquals(1, cores.size(), "one core bundle");
            assertEquals(Bundle.ACTIVE, cores.get(0).getState(), "still active");
            assertFalse(cores.get(0).getLocation().contains(deploy.getFileName().toString()),
                    cores.get(0).getLocation());
            assertFalse(runtime.recommendationService().recommend(request).isFallback(), "still serving");

            // an allow-list: a bundle outside it is never installed
            runtime.configure("org.finrec.deploy", Map.of("allowed.symbolic.names",
                    new String[] {"org.finrec.recommender.*"}));
            Thread.sleep(500);
            writeBundle(deploy.resolve("other.jar"), "com.example.unlisted", Map.of());
            Thread.sleep(1_500);
            assertTrue(Arrays.stream(runtime.bundleContext().getBundles())
                    .noneMatch(bundle -> "com.example.unlisted".equals(bundle.getSymbolicName())),
                    "a bundle outside the allow-list is not installed");
        }
    }


    @Test
    void startScriptRunsTheDistributionWithJavaAlone() throws Exception {
        Process process = new ProcessBuilder(DISTRIBUTION.resolve("bin/finrec").toAbsolutePath().toString())
                .redirectErrorStream(true).start();
        try (BufferedReader output = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            boolean started = false;
            int active = 0;
            while ((line = output.readLine()) != null) {
                if (line.startsWith("Finrec runtime started")) {
                    started = true;
                }
                if (line.trim().startsWith("ACTIVE")) {
                    active++;
                }
                if (line.startsWith("Watching")) {
                    break;
                }
            }
            assertTrue(started, "the launcher did not report a start");
            assertEquals(bundleFiles(FinrecRuntime.DEFAULT_FEATURES).size(), active,
                    "every bundle of the default features must be active");
        } finally {
            process.destroy();
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the runtime must stop on SIGTERM");
        }
    }

    /** Calls the facade until it falls back: configuration changes apply asynchronously. */
    private static RecommendationResponse awaitFallback(FinrecRuntime runtime, RecommendationRequest request)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        RecommendationResponse response = runtime.recommendationService().recommend(request);
        while (!response.isFallback() && System.nanoTime() < deadline) {
            Thread.sleep(50);
            response = runtime.recommendationService().recommend(request);
        }
        return response;
    }

    private static FinrecRuntime start() {
        return FinrecRuntime.builder().bundleFolder(DISTRIBUTION.resolve("bundles")).mavenRepositoryFallback(false)
                .serviceTimeout(Duration.ofSeconds(10)).start();
    }
}
