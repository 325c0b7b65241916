package org.finrec.recommender.content.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.finrec.api.Customer;
import org.finrec.api.Product;
import org.finrec.api.ProductCategory;
import org.finrec.api.config.InvalidConfigurationException;
import org.finrec.api.data.Dataset;
import org.junit.jupiter.api.Test;
import org.osgi.util.converter.Converters;

/** Both content recommenders check a configuration as it arrives, at activation and on a change. */
class ContentSettingsTest {

    private static final String NAIVE_BAYES_PID = "org.finrec.recommender.content~main";
    private static final String MATCH_PID = "org.finrec.recommender.content.match~main";

    /** 40 customers of two segments; the young hold a loan more often, everyone a current account. */
    private static Dataset bank() {
        List<Customer> customers = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Customer.Builder customer = Customer.builder("c" + i).age(i < 20 ? 25 : 60)
                    .segment(i < 20 ? "young" : "senior").holding("current");
            if (i % 20 < (i < 20 ? 12 : 3)) {
                customer.holding("loan");
            }
            customers.add(customer.build());
        }
        return Dataset.of("settings-bank", customers, List.of(
                Product.builder("current").name("Current account").category(ProductCategory.ACCOUNT).build(),
                Product.builder("loan").name("Personal loan").category(ProductCategory.LOAN).riskClass(2).build()),
                List.of());
    }

    private static Map<String, Object> properties(String pid, Map<String, Object> settings) {
        Map<String, Object> properties = new HashMap<>(settings);
        properties.put("service.pid", pid);
        return properties;
    }

    private static NaiveBayesRecommender naiveBayes(Map<String, Object> properties) {
        return new NaiveBayesRecommender(Converters.standardConverter().convert(Map.of())
                .to(NaiveBayesConfiguration.class), properties, bank());
    }

    private static ContentMatchRecommender match(Map<String, Object> properties) {
        return new ContentMatchRecommender(Converters.standardConverter().convert(Map.of())
                .to(ContentMatchConfiguration.class), properties, bank());
    }

    @Test
    void aNaiveBayesSettingOutOfRangeIsRefusedAtActivationNamingItsPidAndProperty() {
        for (Map<String, Object> bad : List.<Map<String, Object>>of(Map.of("smoothing", 0.0),
                Map.of("smoothing", "one"), Map.of("smoothing", ""),
                Map.of("finrec.recommender.name", " "))) {
            InvalidConfigurationException refused = assertThrows(InvalidConfigurationException.class,
                    () -> naiveBayes(properties(NAIVE_BAYES_PID, bad)), bad::toString);
            assertEquals(NAIVE_BAYES_PID, refused.pid());
            assertEquals(bad.keySet().iterator().next(), refused.property());
        }
    }

    @Test
    void aContentMatchSettingOutOfRangeIsRefusedAtActivationNamingItsPidAndProperty() {
        for (Map<String, Object> bad : List.<Map<String, Object>>of(Map.of("cost", 0.0), Map.of("cost", "1e400"),
                Map.of("training.customers", 0), Map.of("training.customers", "20k"), Map.of("intent.weight", -4.0),
                Map.of("holdings.weight", Double.NaN), Map.of("views.weight", "1e9"), Map.of("recent.views", -1),
                Map.of("intent.min.similarity", 1.5))) {
            InvalidConfigurationException refused = assertThrows(InvalidConfigurationException.class,
                    () -> match(properties(MATCH_PID, bad)), bad::toString);
            assertEquals(MATCH_PID, refused.pid());
            assertEquals(bad.keySet().iterator().next(), refused.property());
        }
    }

    @Test
    void aRefusedChangeNeverRetrainsAndAValidOneDoes() throws InterruptedException {
        NaiveBayesRecommender naiveBayes = naiveBayes(properties(NAIVE_BAYES_PID, Map.of()));
        ContentMatchRecommender match = match(properties(MATCH_PID, Map.of()));
        String naiveBayesModel = naiveBayes.modelVersion();
        String matchModel = match.modelVersion();
        try {
            naiveBayes.modified(Converters.standardConverter().convert(Map.of()).to(NaiveBayesConfiguration.class),
                    properties(NAIVE_BAYES_PID, Map.of("smoothing", -1.0)));
            match.modified(Converters.standardConverter().convert(Map.of()).to(ContentMatchConfiguration.class),
                    properties(MATCH_PID, Map.of("cost", -1.0)));
            assertTrue(naiveBayes.awaitReconfiguration(10_000) && match.awaitReconfiguration(10_000));
            assertEquals(naiveBayesModel, naiveBayes.modelVersion());
            assertEquals(matchModel, match.modelVersion());

            naiveBayes.modified(Converters.standardConverter().convert(Map.of("smoothing", 3.0))
                    .to(NaiveBayesConfiguration.class), properties(NAIVE_BAYES_PID, Map.of("smoothing", 3.0)));
            match.modified(Converters.standardConverter().convert(Map.of("cost", 0.5))
                    .to(ContentMatchConfiguration.class), properties(MATCH_PID, Map.of("cost", 0.5)));
            assertTrue(naiveBayes.awaitReconfiguration(10_000) && match.awaitReconfiguration(10_000));
            assertNotEquals(naiveBayesModel, naiveBayes.modelVersion(), "a valid change retrains");
            assertNotEquals(matchModel, match.modelVersion(), "a valid change retrains");
        } finally {
            naiveBayes.deactivate();
            match.deactivate();
        }
    }
}
