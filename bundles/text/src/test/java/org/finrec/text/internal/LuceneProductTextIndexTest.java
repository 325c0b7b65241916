package org.finrec.text.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.finrec.api.Product;
import org.finrec.api.ProductCatalog;
import org.finrec.api.ProductCategory;
import org.finrec.api.inference.TextEncoder;
import org.finrec.api.text.MatchMode;
import org.finrec.api.text.ProductMatch;
import org.finrec.api.text.ProductQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LuceneProductTextIndexTest {

    private static final List<Product> PRODUCTS = List.of(
            Product.builder("card").name("Cashback credit card").category(ProductCategory.CARD).riskClass(2)
                    .description("Earn cashback on fuel and groceries with every card payment").build(),
            Product.builder("junior-saver").name("Junior saver").category(ProductCategory.ACCOUNT).riskClass(1)
                    .description("A savings account for a child's future, such as university fees").build(),
            Product.builder("equity-fund").name("Global equity fund").category(ProductCategory.FUND).riskClass(6)
                    .description("Shares from around the world for long-term growth of your savings").build(),
            Product.builder("mortgage").name("Fixed-rate mortgage").category(ProductCategory.LOAN).riskClass(3)
                    .description("A home loan with a rate fixed for ten years").build());

    private final LuceneProductTextIndex index = new LuceneProductTextIndex();

    @AfterEach
    void deactivate() throws InterruptedException {
        index.deactivate();
    }

    private LuceneProductTextIndex indexed(TextEncoder encoder) throws Exception {
        index.bindCatalog(ProductCatalog.of(PRODUCTS));
        if (encoder != null) {
            index.bindEncoder(encoder);
        }
        index.awaitRebuilds();
        return index;
    }

    private static List<String> ids(List<ProductMatch> matches) {
        return matches.stream().map(ProductMatch::productId).toList();
    }

    @Test
    void findsProductsByTheirWordsWithBm25() throws Exception {
        List<ProductMatch> matches = indexed(null).search(
                new ProductQuery("card with cashback", 3, MatchMode.KEYWORDS, Optional.empty(), OptionalInt.empty()));
        assertEquals("card", matches.get(0).productId());
        assertTrue(matches.get(0).keywordScore().isPresent());
        assertTrue(matches.get(0).meaningScore().isEmpty());
        assertFalse(index.understandsMeaning());
        assertEquals(4, index.size());
    }

    @Test
    void queryTextIsNeverParsedAsQuerySyntax() throws Exception {
        indexed(null);
        for (String hostile : List.of("*:*", "text:* OR id:card", "\"unbalanced", "AND OR NOT", "+-&&||!(){}[]^\"~*?:\\/",
                "fund) OR (id:*", "id:mortgage")) {
            List<ProductMatch> matches = index.search(ProductQuery.of(hostile, 10));
            assertTrue(matches.size() < PRODUCTS.size() || hostile.contains("fund"),
                    hostile + " must not match everything: " + ids(matches));
            assertFalse(ids(matches).contains("mortgage") && hostile.equals("id:mortgage") && matches.size() > 1,
                    "a field prefix is a word, not a field");
        }
        assertEquals(List.of(), index.search(ProductQuery.of("   ", 5)), "blank text matches nothing");
    }

    @Test
    void aTextOfAnyLengthIsSearchedAndKeepsItsMostTellingWords() throws Exception {
        indexed(null);
        StringBuilder chat = new StringBuilder();
        for (int word = 0; word < 3_000; word++) {
            chat.append("filler").append(word).append(' '); // 3,000 distinct words the catalogue never uses
        }
        chat.append("mortgage mortgage home loan");
        List<ProductMatch> matches = index.search(
                new ProductQuery(chat.toString(), 3, MatchMode.KEYWORDS, Optional.empty(), OptionalInt.empty()));
        assertEquals("mortgage", matches.get(0).productId(),
                "the words the catalogue knows outweigh 3,000 unknown ones and stay in the query");
    }

    @Test
    void aRepeatedWordScoresAsOneClausePerOccurrence() throws Exception {
        indexed(null);
        var repeated = new ProductQuery("savings savings fund", 5, MatchMode.KEYWORDS, Optional.empty(),
                OptionalInt.empty());
        var once = new ProductQuery("savings fund", 5, MatchMode.KEYWORDS, Optional.empty(), OptionalInt.empty());
        double repeatedScore = index.search(repeated).stream().filter(m -> m.productId().equals("junior-saver"))
                .findFirst().orElseThrow().keywordScore().getAsDouble();
        double onceScore = index.search(once).stream().filter(m -> m.productId().equals("junior-saver"))
                .findFirst().orElseThrow().keywordScore().getAsDouble();
        assertEquals(2 * onceScore, repeatedScore, 1e-4 * onceScore,
                "junior-saver matches only 'savings', so saying it twice doubles its BM25 score");
    }

    @Test
    void aProductWithoutRiskClassNeverPassesARiskClassFilter() throws Exception {
        List<Product> withUnrated = new java.util.ArrayList<>(PRODUCTS);
        withUnrated.add(Product.builder("unrated-saver").name("Unrated saver").category(ProductCategory.ACCOUNT)
                .description("A savings account").build());
        index.bindCatalog(ProductCatalog.of(withUnrated));
        index.awaitRebuilds();
        ProductQuery savings = new ProductQuery("savings", 10, MatchMode.KEYWORDS, Optional.empty(),
                OptionalInt.of(7));

        assertEquals(List.of("junior-saver", "equity-fund"),
                ids(index.search(savings)).stream().filter(id -> !id.equals("unrated-saver")).toList());
        assertFalse(ids(index.search(savings)).contains("unrated-saver"));
        assertTrue(ids(index.search(ProductQuery.of("savings", 10))).contains("unrated-saver"),
                "without a filter it is found");
    }

    @Test
    void filtersByCategoryAndRiskClass() throws Exception {
        indexed(null);
        ProductQuery savings = new ProductQuery("savings", 10, MatchMode.KEYWORDS, Optional.empty(),
                OptionalInt.of(2));
        assertEquals(List.of("junior-saver"), ids(index.search(savings)), "the risk class 6 fund is filtered out");
        ProductQuery funds = new ProductQuery("savings", 10, MatchMode.KEYWORDS, Optional.of(ProductCategory.FUND),
                OptionalInt.empty());
        assertEquals(List.of("equity-fund"), ids(index.search(funds)));
    }

    @Test
    void meaningFindsProductsWithoutSharedWordsAndHybridFusesBoth() throws Exception {
        indexed(new TopicEncoder());
        assertTrue(index.understandsMeaning());
        ProductQuery intent = new ProductQuery("paying for my daughter's education", 2, MatchMode.MEANING,
                Optional.empty(), OptionalInt.empty());
        List<ProductMatch> meaning = index.search(intent);
        assertEquals("junior-saver", meaning.get(0).productId(), ids(meaning).toString());
        assertTrue(meaning.get(0).meaningScore().orElseThrow() > 0.9);

        List<ProductMatch> hybrid = index.search(ProductQuery.of("fuel cashback", 4));
        assertEquals("card", hybrid.get(0).productId());
        assertTrue(hybrid.get(0).keywordScore().isPresent() && hybrid.get(0).meaningScore().isPresent(),
                "found by both, scored by both");
    }

    @Test
    void noSearchFailsOrComesBackEmptyWhileTheIndexIsRebuilt() throws Exception {
        indexed(null);
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger empty = new AtomicInteger();
        ExecutorService searchers = Executors.newFixedThreadPool(4);
        List<Future<Integer>> searches = new java.util.ArrayList<>();
        for (int t = 0; t < 4; t++) {
            searches.add(searchers.submit(() -> {
                int done = 0;
                while (running.get()) {
                    if (index.search(ProductQuery.of("mortgage", 3)).isEmpty()) {
                        empty.incrementAndGet();
                    }
                    done++;
                }
                return done;
            }));
        }
        for (int i = 0; i < 50; i++) {
            index.bindCatalog(ProductCatalog.of(i % 2 == 0 ? PRODUCTS : PRODUCTS.subList(1, PRODUCTS.size())));
        }
        index.awaitRebuilds();
        running.set(false);
        int total = 0;
        for (Future<Integer> search : searches) {
            total += search.get(); // rethrows a failed search
        }
        searchers.shutdown();
        assertTrue(total > 0);
        assertEquals(0, empty.get(), "every index version holds the mortgage");
    }

    /** A stand-in encoder: one dimension per topic, so that texts on the same topic point the same way. */
    private static final class TopicEncoder implements TextEncoder {
        private static final List<List<String>> TOPICS = List.of(
                List.of("child", "daughter", "son", "university", "education", "junior"),
                List.of("card", "cashback", "fuel", "payment"),
                List.of("home", "mortgage", "house"),
                List.of("shares", "equity", "growth"));

        @Override
        public int dimension() {
            return TOPICS.size() + 1;
        }

        @Override
        public String modelVersion() {
            return "topics-1";
        }

        @Override
        public float[] encode(String text) {
            String lower = text.toLowerCase(java.util.Locale.ROOT);
            float[] vector = new float[dimension()];
            vector[TOPICS.size()] = 0.1f;
            for (int t = 0; t < TOPICS.size(); t++) {
                for (String word : TOPICS.get(t)) {
                    if (lower.contains(word)) {
                        vector[t] += 1;
                    }
                }
            }
            double norm = 0;
            for (float value : vector) {
                norm += value * value;
            }
            for (int i = 0; i < vector.length; i++) {
                vector[i] /= (float) Math.sqrt(norm);
            }
            return vector;
        }

        @Override
        public List<float[]> encodeAll(List<String> texts) {
            return texts.stream().map(this::encode).toList();
        }
    }
}
