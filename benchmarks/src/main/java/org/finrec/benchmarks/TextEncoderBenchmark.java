package org.finrec.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.finrec.api.inference.InferenceRuntime;
import org.finrec.api.inference.TextEncoder;
import org.finrec.runtime.FinrecRuntime;

/**
 * The MiniLM text encoder through the inference bundle: sentences per second one at a time, from concurrent callers
 * (grouped by the dynamic batcher) and in explicit batches; the time to the first encoding with an empty and with a
 * warm native cache (each in a fresh JVM, since natives load once per JVM); heap and resident memory.
 */
final class TextEncoderBenchmark {

    private static final String[] SUBJECTS = {"saving for my daughter's university", "a mortgage for our first home",
        "a credit card with cashback on fuel", "a pension top-up before retirement", "travel insurance for a year",
        "a term deposit with a fixed rate", "an equity fund for long-term growth", "a current account for my salary",
        "a loan to buy a car", "protecting my family if something happens to me"};
    private static final String[] FRAMES = {"I am looking for %s", "what do you offer for %s?",
        "help me compare options for %s", "is there a low-risk product for %s", "%s, with no monthly fee"};

    private TextEncoderBenchmark() {
    }

    static void run(String[] options) throws Exception {
        Path bundles = Path.of("runtime/target/finrec-runtime/bundles");
        int sentences = 2_000;
        int threads = 8;
        String phase = "";
        Path cache = null;
        for (int i = 0; i + 1 < options.length; i += 2) {
            switch (options[i]) {
                case "--bundles" -> bundles = Path.of(options[i + 1]);
                case "--sentences" -> sentences = Integer.parseInt(options[i + 1]);
                case "--threads" -> threads = Integer.parseInt(options[i + 1]);
                case "--phase" -> phase = options[i + 1];
                case "--cache" -> cache = Path.of(options[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + options[i]);
            }
        }
        if (phase.equals("first-call")) {
            System.out.println("FIRST-CALL-MS " + firstCall(bundles, cache));
            return;
        }
        try (ScratchFolder emptyCache = ScratchFolder.create("finrec-djl-cache");
                ScratchFolder data = ScratchFolder.create("finrec-encoder-benchmark")) {
            long cold = firstCallInFreshJvm(bundles, emptyCache.path());
            long warm = firstCallInFreshJvm(bundles, emptyCache.path());
            List<String> texts = texts(sentences);
            try (FinrecRuntime runtime = start(bundles, data.path())) {
                TextEncoder encoder = runtime.waitForService(TextEncoder.class, null, Duration.ofMinutes(5));
                InferenceRuntime inference = runtime.waitForService(InferenceRuntime.class, null, Duration.ofMinutes(1));
                encoder.encodeAll(texts.subList(0, Math.min(200, texts.size()))); // warm up
                double single = rate(texts.size(), () -> texts.forEach(encoder::encode));
                int callers = threads;
                double concurrent = rate(texts.size(), () -> concurrently(encoder, texts, callers));
                double batched = rate(texts.size(), () -> encoder.encodeAll(texts));
                long heap = usedHeap();
                System.out.printf(Locale.ROOT, "all-MiniLM-L6-v2 on %s (%d cores), %,d sentences of 6-12 words%n%n",
                        inference.device(), Runtime.getRuntime().availableProcessors(), texts.size());
                System.out.println("| how | sentences/s | vs one at a time |");
                System.out.println("|---|---|---|");
                System.out.printf(Locale.ROOT, "| one at a time, 1 thread | %,.0f | 1.00 |%n", single);
                System.out.printf(Locale.ROOT, "| %d threads, dynamic batching | %,.0f | %.2f |%n", threads, concurrent,
                        concurrent / single);
                System.out.printf(Locale.ROOT, "| encodeAll, batches of 32 | %,.0f | %.2f |%n", batched,
                        batched / single);
                System.out.printf(Locale.ROOT, "%nfirst encoding after start: %,d ms with an empty native cache, "
                        + "%,d ms with a warm one (each in a fresh JVM)%n", cold, warm);
                System.out.printf(Locale.ROOT, "memory: %,d MB heap in use, %,d MB resident (whole JVM with the "
                        + "runtime)%n", heap >> 20, residentBytes() >> 20);
            }
        }
    }

    private static FinrecRuntime start(Path bundles, Path data) {
        return FinrecRuntime.builder().bundleFolder(bundles).storageFolder(data).feature("platform")
                .feature("inference").serviceTimeout(Duration.ofMinutes(5)).start();
    }

    /** Time from the runtime's start to the first encoding, in this JVM. */
    private static long firstCall(Path bundles, Path cache) throws IOException {
        long started = System.nanoTime();
        try (ScratchFolder data = ScratchFolder.create("finrec-first-call");
                FinrecRuntime runtime = FinrecRuntime.builder().bundleFolder(bundles).storageFolder(data.path())
                .feature("platform").feature("inference")
                .configuration("org.finrec.inference", Map.of("cache.folder", cache.toString()))
                .serviceTimeout(Duration.ofMinutes(5)).start()) {
            runtime.waitForService(TextEncoder.class, null, Duration.ofMinutes(5)).encode("first call");
            return (System.nanoTime() - started) / 1_000_000;
        }
    }

    private static long firstCallInFreshJvm(Path bundles, Path cache) throws IOException, InterruptedException {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Benchmarks.class.getName(), "text-encoder",
                "--phase", "first-call", "--bundles", bundles.toString(), "--cache", cache.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("FIRST-CALL-MS ")) {
                    child.waitFor();
                    return Long.parseLong(line.substring("FIRST-CALL-MS ".length()));
                }
            }
        }
        throw new IllegalStateException("the first-call child exited with " + child.waitFor());
    }

    private static List<String> texts(int count) {
        List<String> texts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String text = String.format(FRAMES[i % FRAMES.length], SUBJECTS[(i / FRAMES.length) % SUBJECTS.length]);
            texts.add(i < SUBJECTS.length * FRAMES.length ? text : text + " #" + i);
        }
        return texts;
    }

    private static void concurrently(TextEncoder encoder, List<String> texts, int threads) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = thread; i < texts.size(); i += threads) {
                        encoder.encode(texts.get(i));
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (Exception failure) {
            throw new IllegalStateException(failure);
        } finally {
            pool.shutdown();
        }
    }

    private static double rate(int count, Runnable work) {
        long started = System.nanoTime();
        work.run();
        return count / ((System.nanoTime() - started) / 1e9);
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static long residentBytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        return -1;
    }
}
