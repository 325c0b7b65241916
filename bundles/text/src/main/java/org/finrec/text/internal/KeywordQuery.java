package org.finrec.text.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * The BM25 query of a free text: one clause per distinct analysed word, boosted by how often the text repeats it,
 * which scores exactly as one clause per occurrence would (a term query's BM25 score is linear in its boost). The
 * text is analysed, never parsed, so no query syntax reaches Lucene.
 *
 * <p>A text of any length gives a query Lucene accepts: beyond {@link #MAX_TERMS} distinct words, the words kept
 * are those that say most about the text, by the query-side tf·idf that Lucene's MoreLikeThis uses (the number of
 * times the text repeats a word times {@code log(1 + N / (df + 1))} over the index's {@code N} documents), ties
 * broken by first appearance. Without the cap a text of more than 1,024 distinct words made Lucene throw
 * {@code TooManyClauses} out of the search API.
 */
final class KeywordQuery {

    /**
     * The most distinct words one query holds, well under Lucene's clause limit of 1,024; a product description
     * or a chat message has far fewer.
     */
    static final int MAX_TERMS = 256;

    private KeywordQuery() {
    }

    /**
     * Builds the query.
     *
     * @param field the indexed text field
     * @param text the text, any length
     * @param analyzer the analyzer the field was indexed with
     * @param reader the index, for the document frequencies used when the text has too many words
     * @return the query, or empty when nothing is left after analysis (only punctuation or stop words)
     */
    static Optional<Query> of(String field, String text, Analyzer analyzer, IndexReader reader) throws IOException {
        Map<String, Integer> repeats = new LinkedHashMap<>();
        try (TokenStream tokens = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                repeats.merge(term.toString(), 1, Integer::sum);
            }
            tokens.end();
        }
        if (repeats.isEmpty()) {
            return Optional.empty();
        }
        List<String> kept = new ArrayList<>(repeats.keySet());
        if (kept.size() > MAX_TERMS) {
            Map<String, Double> weight = new LinkedHashMap<>();
            int documents = reader.numDocs();
            for (String word : kept) {
                int documentFrequency = reader.docFreq(new Term(field, word));
                weight.put(word, repeats.get(word) * Math.log(1.0 + documents / (documentFrequency + 1.0)));
            }
            // a stable sort keeps the first appearance first among equal weights
            kept.sort(Comparator.comparingDouble((String word) -> weight.get(word)).reversed());
            kept = kept.subList(0, MAX_TERMS);
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (String word : kept) {
            Query clause = new TermQuery(new Term(field, word));
            int times = repeats.get(word);
            query.add(times == 1 ? clause : new BoostQuery(clause, times), BooleanClause.Occur.SHOULD);
        }
        return Optional.of(query.build());
    }
}
