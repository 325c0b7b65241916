package org.finrec.text.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.finrec.api.Product;
import org.finrec.api.text.MatchMode;
import org.finrec.api.text.ProductMatch;
import org.finrec.api.text.ProductQuery;

/**
 * One immutable, in-memory Lucene index of a catalogue, with product embeddings when an encoder was given. Each
 * search holds a reference on the reader ({@link #acquire()}, {@link #release()}), so that the index's own
 * release, after a newer index replaced it, closes the reader only once the searches running on it have finished.
 */
final class ProductIndex {

    /** Reciprocal rank fusion's constant (Cormack et al., 2009). */
    static final int RRF_K = 60;

    private static final String ID = "id";
    private static final String TEXT = "text";
    private static final String CATEGORY = "category";
    private static final String RISK = "risk";
    private static final String VECTOR = "vector";

    private final Analyzer analyzer = new StandardAnalyzer();
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final boolean hasVectors;
    private final int size;

    private ProductIndex(DirectoryReader reader, boolean hasVectors, int size) {
        this.reader = reader;
        this.searcher = new IndexSearcher(reader);
        this.hasVectors = hasVectors;
        this.size = size;
    }

    /**
     * Indexes a catalogue.
     *
     * @param vectors each product's unit-length embedding by id, or empty without an encoder
     */
    static ProductIndex build(Collection<Product> products, Map<String, float[]> vectors) {
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer()))) {
            for (Product product : products) {
                Document document = new Document();
                document.add(new StringField(ID, product.id(), Field.Store.YES));
                document.add(new TextField(TEXT, text(product), Field.Store.NO));
                document.add(new StringField(CATEGORY, product.category().name(), Field.Store.NO));
                // no point for a missing risk class: a risk-class filter then never matches the product
                product.riskClass().ifPresent(risk -> document.add(new IntPoint(RISK, risk)));
                float[] vector = vectors.get(product.id());
                if (vector != null) {
                    document.add(new KnnFloatVectorField(VECTOR, vector, VectorSimilarityFunction.DOT_PRODUCT));
                }
                writer.addDocument(document);
            }
            writer.commit();
            return new ProductIndex(DirectoryReader.open(directory), !vectors.isEmpty(), products.size());
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot index " + products.size() + " products in memory", failure);
        }
    }

    /** What a product is found by: its name, description, category and terms. */
    static String text(Product product) {
        StringBuilder text = new StringBuilder(product.name()).append(". ").append(product.description())
                .append(". ").append(product.category().name().toLowerCase(Locale.ROOT).replace('_', ' '));
        product.termMonths().ifPresent(months -> text.append(". term ").append(months).append(" months"));
        product.annualRatePercent().ifPresent(rate -> text.append(". rate ").append(rate).append(" percent"));
        return text.toString();
    }

    int size() {
        return size;
    }

    boolean hasVectors() {
        return hasVectors;
    }

    /**
     * Searches this index.
     *
     * @param queryVector the query's embedding, or null when there is none
     */
    List<ProductMatch> search(ProductQuery query, float[] queryVector) {
        if (query.text().isBlank()) {
            return List.of();
        }
        try {
            Query filter = filter(query);
            int depth = Math.max(query.limit() * 4, 50);
            Map<String, Double> keywords = query.mode() == MatchMode.MEANING ? Map.of() : keywords(query, filter, depth);
            Map<String, Double> meaning = queryVector == null || !hasVectors || query.mode() == MatchMode.KEYWORDS
                    ? Map.of() : meaning(queryVector, filter, depth);
            return fuse(query, keywords, meaning);
        } catch (IOException failure) {
            throw new UncheckedIOException("search of the product index failed", failure);
        }
    }

    /**
     * Takes a reference on the reader for one search.
     *
     * @return {@code false} if the index has been released meanwhile (a newer one replaced it)
     */
    boolean acquire() {
        return reader.tryIncRef();
    }

    /** BM25 over the words of the text (see {@link KeywordQuery}: analysed, never parsed, of any length). */
    private Map<String, Double> keywords(ProductQuery query, Query filter, int depth) throws IOException {
        Optional<Query> words = KeywordQuery.of(TEXT, query.text(), analyzer, reader);
        if (words.isEmpty()) {
            return Map.of(); // nothing left after analysis (only punctuation or stop words)
        }
        Query scored = new BooleanQuery.Builder().add(words.get(), BooleanClause.Occur.MUST)
                .add(filter, BooleanClause.Occur.FILTER).build();
        return ranked(searcher.search(scored, depth).scoreDocs);
    }

    private Map<String, Double> meaning(float[] queryVector, Query filter, int depth) throws IOException {
        return ranked(searcher.search(new KnnFloatVectorQuery(VECTOR, queryVector, depth, filter), depth).scoreDocs);
    }

    /** Product ids in rank order with their scores (for DOT_PRODUCT, Lucene scores (1 + cosine) / 2). */
    private Map<String, Double> ranked(ScoreDoc[] hits) throws IOException {
        Map<String, Double> ranked = new LinkedHashMap<>();
        for (ScoreDoc hit : hits) {
            ranked.put(searcher.storedFields().document(hit.doc).get(ID), (double) hit.score);
        }
        return ranked;
    }

    private static Query filter(ProductQuery query) {
        BooleanQuery.Builder filter = new BooleanQuery.Builder().add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST);
        query.category().ifPresent(category -> filter.add(new TermQuery(new Term(CATEGORY, category.name())),
                BooleanClause.Occur.FILTER));
        query.maxRiskClass().ifPresent(max -> filter.add(IntPoint.newRangeQuery(RISK, Product.MIN_RISK_CLASS, max),
                BooleanClause.Occur.FILTER));
        return filter.build();
    }

    /** Reciprocal rank fusion of the two rankings: score = sum over rankings of 1 / (k + rank). */
    private static List<ProductMatch> fuse(ProductQuery query, Map<String, Double> keywords,
            Map<String, Double> meaning) {
        Map<String, Double> fused = new HashMap<>();
        addRanks(fused, keywords);
        addRanks(fused, meaning);
        List<ProductMatch> matches = new ArrayList<>(fused.size());
        fused.forEach((id, score) -> matches.add(new ProductMatch(id, score,
                keywords.containsKey(id) ? OptionalDouble.of(keywords.get(id)) : OptionalDouble.empty(),
                meaning.containsKey(id) ? OptionalDouble.of(2 * meaning.get(id) - 1) : OptionalDouble.empty())));
        matches.sort((a, b) -> Double.compare(b.score(), a.score()) != 0 ? Double.compare(b.score(), a.score())
                : a.productId().compareTo(b.productId()));
        return List.copyOf(matches.subList(0, Math.min(query.limit(), matches.size())));
    }

    private static void addRanks(Map<String, Double> fused, Map<String, Double> ranking) {
        int rank = 1;
        for (String id : ranking.keySet()) {
            fused.merge(id, 1.0 / (RRF_K + rank++), Double::sum);
        }
    }

    /**
     * Drops a reference on the reader: the index's own (after a newer index replaced it) or a search's. The reader
     * closes with the last one.
     */
    void release() {
        try {
            reader.decRef();
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
