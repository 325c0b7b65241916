package org.finrec.recommender.content.internal;

import static org.finrec.api.spi.ProductListScoring.explain;
import static org.finrec.api.spi.ProductListScoring.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.finrec.api.Customer;
import org.finrec.api.Product;
import org.finrec.api.data.Dataset;
import org.finrec.api.recommend.Explanation;
import org.finrec.api.recommend.Reason;
import org.finrec.api.recommend.RecommendationRequest;
import org.finrec.api.spi.Recommender;
import org.finrec.api.spi.RecommenderContractTest;
import org.junit.jupiter.api.Test;

class NaiveBayesRecommenderTest extends RecommenderContractTest {

    @Override
    protected Recommender train(Dataset data) {
        return new NaiveBayesRecommender("content", NaiveBayesModel.train(data, List.of("segment", "ageBand"), 1.0));
    }

    @Override
    protected void swapModel(Recommender recommender, Dataset data) {
        ((NaiveBayesRecommender) recommender).serve(NaiveBayesModel.train(data, List.of("segment", "ageBand"), 1.0));
    }

    /** 10 students (6 hold the student account) and 10 retirees (1 holds it); everyone holds a current account. */
    private static Dataset bank() {
        List<Customer> customers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            boolean student = i < 10;
            Customer.Builder customer = Customer.builder("c" + i).segment(student ? "student" : "retired")
                    .holding("current");
            if (student ? i < 6 : i == 10) {
                customer.holding("student-account");
            }
            customers.add(customer.build());
        }
        List<Product> products = List.of(Product.builder("current").name("Current account").build(),
                Product.builder("student-account").name("Student account").build());
        return Dataset.of("students", customers, products, List.of());
    }

    @Test
    void scoresAreNaiveBayesLogOddsAndTheExplanationAddsUpToThem() {
        NaiveBayesModel model = NaiveBayesModel.train(bank(), List.of("segment"), 1.0);
        NaiveBayesRecommender recommender = new NaiveBayesRecommender("content", model);
        Customer newStudent = Customer.builder("new").segment("student").build();
        Product account = Product.builder("student-account").name("Student account").build();

        // prior: 7 of 20 hold it -> log((7+1)/(13+1)); segment student: 6 of 7 holders, 4 of 13 others, 3 values
        double prior = Math.log(8.0 / 14.0);
        double term = Math.log(((6 + 1.0) / (7 + 3.0)) / ((4 + 1.0) / (13 + 3.0)));
        double score = score(recommender, RecommendationRequest.builder(newStudent).build(), List.of(account))[0];
        assertEquals(prior + term, score, 1e-12);

        Explanation explanation = explain(recommender, RecommendationRequest.builder(newStudent).build(), account);
        assertEquals(score, explanation.reasons().stream().mapToDouble(Reason::contribution).sum(), 1e-12);
        assertTrue(explanation.reasons().get(1).message().contains("segment student"),
                explanation.reasons().get(1).message());
        assertTrue(explanation.reasons().get(1).message().contains("60.0% against 10.0%"),
                explanation.reasons().get(1).message());

        Customer retiree = Customer.builder("old").segment("retired").build();
        assertTrue(score(recommender, RecommendationRequest.builder(retiree).build(), List.of(account))[0] < score,
                "a retiree's odds of holding a student account are lower");
    }

    @Test
    void aProductWithoutHoldersGetsNoOpinion() {
        List<Product> products = List.of(Product.builder("current").build(), Product.builder("launched").build());
        Dataset data = Dataset.of("launch", List.of(Customer.builder("a").segment("student").holding("current")
                .build(), Customer.builder("b").segment("retired").build()), products, List.of());
        NaiveBayesRecommender recommender = new NaiveBayesRecommender("content",
                NaiveBayesModel.train(data, List.of("segment"), 1.0));
        RecommendationRequest request = RecommendationRequest.builder(Customer.builder("c").segment("student")
                .build()).build();

        double[] scores = score(recommender, request, products);

        assertTrue(Double.isFinite(scores[0]));
        assertTrue(Double.isNaN(scores[1]), "no holder, no odds: " + scores[1]);
    }
}
