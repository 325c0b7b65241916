package org.finrec.text.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.finrec.api.Product;
import org.finrec.api.ProductCatalog;
import org.finrec.api.concurrent.NamedThreads;
import org.finrec.api.inference.TextEncoder;
import org.finrec.api.text.MatchMode;
import org.finrec.api.text.ProductMatch;
import org.finrec.api.text.ProductQuery;
import org.finrec.api.text.ProductTextIndex;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link ProductTextIndex}: indexes the registered catalogue with Lucene, with the text encoder's embeddings of
 * each product when an encoder runs. A change of catalogue or encoder builds a new index on a background thread and
 * swaps it in atomically; searches keep using the index they started on, which closes after the last of them.
 */
@Component(service = ProductTextIndex.class, immediate = true)
public final class LuceneProductTextIndex implements ProductTextIndex {

    private static final Logger LOG = LoggerFactory.getLogger(LuceneProductTextIndex.class);

    /** An index with the encoder that embedded it (the same must embed queries), or none. */
    private record Snapshot(ProductIndex index, TextEncoder encoder) {
    }

    private final ExecutorService builder = Executors.newSingleThreadExecutor(NamedThreads.named("finrec-text-index"));
    private volatile ProductCatalog catalog;
    private volatile TextEncoder encoder;
    private volatile Snapshot current = new Snapshot(ProductIndex.build(List.of(), Map.of()), null);

    @Activate
    public LuceneProductTextIndex() {
        // references are bound next; each binding schedules a rebuild
    }

    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            cardinality = ReferenceCardinality.OPTIONAL)
    void bindCatalog(ProductCatalog bound) {
        catalog = bound;
        rebuild();
    }

    void unbindCatalog(ProductCatalog unbound) {
        if (catalog == unbound) {
            catalog = null;
            rebuild();
        }
    }

    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            cardinality = ReferenceCardinality.OPTIONAL)
    void bindEncoder(TextEncoder bound) {
        encoder = bound;
        rebuild();
    }

    void unbindEncoder(TextEncoder unbound) {
        if (encoder == unbound) {
            encoder = null;
            rebuild();
        }
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        builder.shutdownNow();
        builder.awaitTermination(10, TimeUnit.SECONDS);
        current.index().release();
    }

    /** Builds an index of the current catalogue with the current encoder off the caller's thread, then swaps it in. */
    private void rebuild() {
        builder.execute(() -> {
            ProductCatalog products = catalog;
            TextEncoder embedder = encoder;
            long started = System.nanoTime();
            List<Product> all = products == null ? List.of() : products.products();
            Map<String, float[]> vectors = new HashMap<>();
            try {
                if (embedder != null && !all.isEmpty()) {
                    List<float[]> embedded = embedder.encodeAll(all.stream().map(ProductIndex::text).toList());
                    for (int i = 0; i < all.size(); i++) {
                        vectors.put(all.get(i).id(), embedded.get(i));
                    }
                }
            } catch (RuntimeException failure) {
                // the encoder went away or failed: index by keywords only, better than no index
                LOG.warn("Product texts could not be embedded, indexing keywords only: {}", failure.toString());
                vectors.clear();
                embedder = null;
            }
            Snapshot replaced = current;
            current = new Snapshot(ProductIndex.build(all, vectors), vectors.isEmpty() ? null : embedder);
            replaced.index().release();
            LOG.info("Product text index: {} products{} in {} ms", all.size(),
                    vectors.isEmpty() ? "" : " with embeddings", (System.nanoTime() - started) / 1_000_000);
        });
    }

    @Override
    public List<ProductMatch> search(ProductQuery query) {
        Snapshot snapshot = current;
        while (!snapshot.index().acquire()) {
            snapshot = current; // replaced and released since it was read: the newer one is current now
        }
        try {
            return search(snapshot, query);
        } finally {
            snapshot.index().release();
        }
    }

    private static List<ProductMatch> search(Snapshot snapshot, ProductQuery query) {
        float[] queryVector = null;
        if (snapshot.encoder() != null && query.mode() != MatchMode.KEYWORDS && !query.text().isBlank()) {
            try {
                queryVector = snapshot.encoder().encode(query.text());
            } catch (RuntimeException failure) {
                LOG.debug("Query could not be embedded, searching keywords only", failure);
            }
        }
        return snapshot.index().search(query, queryVector);
    }

    @Override
    public boolean understandsMeaning() {
        return current.index().hasVectors();
    }

    @Override
    public int size() {
        return current.index().size();
    }

    /** Waits until every rebuild scheduled so far has finished; for tests. */
    void awaitRebuilds() throws Exception {
        builder.submit(() -> { }).get();
    }
}
