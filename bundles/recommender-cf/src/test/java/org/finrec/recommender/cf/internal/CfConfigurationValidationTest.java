package org.finrec.recommender.cf.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.finrec.api.InteractionKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each algorithm's configuration is checked when it arrives: out-of-range, unconvertible, other algorithms' and
 * retired properties are refused with the PID, the property, the value and what is allowed; a refused activation
 * fails with that message, a refused change is logged and the previous model keeps serving.
 */
class CfConfigurationValidationTest {

    @TempDir
    Path store;

    private static Map<String, Object> properties(Object... keysAndValues) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("service.pid", "org.finrec.recommender.cf.test~main");
        for (int k = 0; k < keysAndValues.length; k += 2) {
            properties.put((String) keysAndValues[k], keysAndValues[k + 1]);
        }
        return properties;
    }

    /** The message of refusing these properties for {@code algorithm}; fails when they are accepted. */
    private static String refusal(Algorithm algorithm, Object... keysAndValues) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> StoreFixtures.setup(algorithm, properties(keysAndValues)));
        String message = refused.getMessage();
        assertTrue(message.startsWith("configuration org.finrec.recommender.cf.test~main refused: "), message);
        return message;
    }

    private static void assertRefused(String expected, Algorithm algorithm, Object... keysAndValues) {
        String message = refusal(algorithm, keysAndValues);
        assertTrue(message.contains(expected), message);
    }

    @Test
    void theDefaultsOfEachAlgorithmAreAccepted() {
        Set<InteractionKind> positive = Set.of(InteractionKind.PURCHASE, InteractionKind.HOLD);
        CfSetup userKnn = StoreFixtures.setup(Algorithm.USER_KNN, properties());
        assertEquals(CfSettings.userKnn(Similarity.COSINE, 50, positive), userKnn.settings());
        assertEquals("user-knn", userKnn.name());
        assertEquals("org.finrec.recommender.cf.test~main", userKnn.pid());
        assertEquals(CfSettings.itemKnn(Similarity.COSINE, 50, 4, positive),
                StoreFixtures.setup(Algorithm.ITEM_KNN, properties()).settings());
        assertEquals(CfSettings.als(50, 15, 0.15, 1, 42, 4, positive),
                StoreFixtures.setup(Algorithm.ALS, properties()).settings());
        assertEquals(CfSettings.bpr(50, 100, 0.1, 0.02, 42, positive),
                StoreFixtures.setup(Algorithm.BPR, properties()).settings());
        // the range ends themselves are allowed
        assertEquals(10_000, StoreFixtures.setup(Algorithm.USER_KNN, properties("neighbours", 10_000)).settings()
                .neighbours());
        assertEquals(1024, StoreFixtures.setup(Algorithm.ALS, properties("factors", 1024, "threads", 256))
                .settings().factors());
        assertEquals(0, StoreFixtures.setup(Algorithm.BPR, properties("regularization", 0.0)).settings()
                .regularization());
        assertEquals(Set.of(InteractionKind.VIEW), StoreFixtures.setup(Algorithm.BPR,
                properties("positive.kinds", "VIEW")).settings().positiveKinds());
    }

    @Test
    void outOfRangeIntegersAreRefusedWithPropertyValueAndRange() {
        assertRefused("neighbours = 0 is out of range (an integer in 1..10000)", Algorithm.USER_KNN,
                "neighbours", 0);
        assertRefused("neighbours = 10001 is out of range (an integer in 1..10000)", Algorithm.ITEM_KNN,
                "neighbours", 10_001);
        assertRefused("factors = 1025 is out of range (an integer in 1..1024)", Algorithm.ALS, "factors", 1025);
        assertRefused("factors = 0 is out of range (an integer in 1..1024)", Algorithm.BPR, "factors", 0);
        assertRefused("iterations = 1001 is out of range (an integer in 1..1000)", Algorithm.ALS,
                "iterations", 1001);
        assertRefused("epochs = 0 is out of range (an integer in 1..10000)", Algorithm.BPR, "epochs", 0);
        assertRefused("threads = 0 is out of range (an integer in 1..256)", Algorithm.ALS, "threads", 0);
        assertRefused("threads = 257 is out of range (an integer in 1..256)", Algorithm.ITEM_KNN, "threads", 257);
    }

    @Test
    void numbersMustBeFiniteAndPositiveWhereTheAlgorithmNeedsIt() {
        assertRefused("regularization = -1.0 is out of range (a finite number > 0.0)", Algorithm.ALS,
                "regularization", -1.0); // the old sentinel for "the algorithm's default"
        assertRefused("regularization = 0.0 is out of range (a finite number > 0.0)", Algorithm.ALS,
                "regularization", 0.0);
        assertRefused("regularization = NaN is out of range", Algorithm.ALS, "regularization", Double.NaN);
        assertRefused("regularization = -0.5 is out of range (a finite number >= 0.0)", Algorithm.BPR,
                "regularization", -0.5);
        assertRefused("alpha = -1.0 is out of range (a finite number >= 0.0)", Algorithm.ALS, "alpha", -1.0);
        assertRefused("learning.rate = 0.0 is out of range (a finite number > 0.0)", Algorithm.BPR,
                "learning.rate", 0.0);
        assertRefused("learning.rate = Infinity is out of range", Algorithm.BPR, "learning.rate",
                Double.POSITIVE_INFINITY);
    }

    @Test
    void valuesThatDoNotConvertAreRefused() {
        assertRefused("neighbours = fifty does not convert (an integer in 1..10000)", Algorithm.USER_KNN,
                "neighbours", "fifty");
        assertRefused("similarity = JACCARD does not convert", Algorithm.ITEM_KNN, "similarity", "JACCARD");
        assertRefused("similarity = ADJUSTED_COSINE is out of range", Algorithm.USER_KNN,
                "similarity", "ADJUSTED_COSINE");
        assertRefused("positive.kinds = LIKED does not convert", Algorithm.ALS, "positive.kinds", "LIKED");
        assertRefused("finrec.recommender.name = \" \" is out of range", Algorithm.BPR,
                "finrec.recommender.name", " ");
    }

    @Test
    void anotherAlgorithmsPropertiesAndTheRetiredOnesAreRefused() {
        assertRefused("factors = 8 does not apply to org.finrec.recommender.cf.userknn (its properties:"
                + " [neighbours, similarity])", Algorithm.USER_KNN, "factors", 8);
        assertRefused("threads = 2 does not apply to org.finrec.recommender.cf.bpr", Algorithm.BPR, "threads", 2);
        assertRefused("neighbours = 20 does not apply to org.finrec.recommender.cf.als", Algorithm.ALS,
                "neighbours", 20);
        assertRefused("algorithm = ALS is no longer a property: the factory PID chooses the algorithm"
                + " ([org.finrec.recommender.cf.userknn, org.finrec.recommender.cf.itemknn,"
                + " org.finrec.recommender.cf.als, org.finrec.recommender.cf.bpr])", Algorithm.ALS, "algorithm", "ALS");
        assertRefused("adoption.kinds = VIEW is the old name of positive.kinds", Algorithm.ITEM_KNN,
                "adoption.kinds", "VIEW");
        // properties no CF component ever had (FileInstall's, a ranking) are left alone
        StoreFixtures.setup(Algorithm.ALS, properties("felix.fileinstall.filename", "file:/x.cfg",
                "service.ranking", 3));
    }

    @Test
    void everyErrorOfAConfigurationIsReportedAtOnce() {
        String message = refusal(Algorithm.ALS, "factors", 0, "threads", 0, "algorithm", "ALS");
        assertTrue(message.contains("factors = 0") && message.contains("threads = 0")
                && message.contains("algorithm = ALS"), message);
        // without a service.pid the factory PID is named
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> StoreFixtures.setup(Algorithm.USER_KNN, Map.of("neighbours", 0)));
        assertTrue(refused.getMessage().startsWith("configuration org.finrec.recommender.cf.userknn refused:"),
                refused.getMessage());
    }

    @Test
    void aRefusedActivationFailsWithTheMessage() {
        Map<String, Object> properties = properties("factors", 0);
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> new AlsRecommender(
                StoreFixtures.configuration(properties, AlsConfiguration.class), properties, StoreFixtures.DATA));
        assertTrue(refused.getMessage().contains("org.finrec.recommender.cf.test~main refused: factors = 0"),
                refused.getMessage());
    }

    @Test
    void aRefusedChangeIsLoggedAndThePreviousModelKeepsServing() {
        StoreFixtures.RecordingLogger log = new StoreFixtures.RecordingLogger();
        Map<String, Object> valid = StoreFixtures.properties("bpr", Algorithm.BPR, store, "");
        valid.put("service.pid", "org.finrec.recommender.cf.bpr~main");
        CfRecommender recommender = new CfRecommender(StoreFixtures.setup(Algorithm.BPR, valid), StoreFixtures.DATA,
                log.logger);
        String version = recommender.modelVersion();
        List<Object> before = StoreFixtures.answers(recommender);

        Map<String, Object> refused = new HashMap<>(valid);
        refused.put("epochs", 0);
        refused.put("seed", 7L); // would train another model, had the configuration been accepted
        recommender.reconfigure(() -> StoreFixtures.setup(Algorithm.BPR, refused));

        assertEquals(version, recommender.modelVersion());
        assertEquals(before.size(), StoreFixtures.answers(recommender).size());
        List<StoreFixtures.Logged> errors = log.at("error");
        assertEquals(1, errors.size(), log.logged.toString());
        String message = errors.get(0).message();
        assertTrue(message.contains("keeps serving model " + version) && message.contains(
                "configuration org.finrec.recommender.cf.bpr~main refused: epochs = 0 is out of range"), message);
    }
}
