package org.finrec.runtime.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.inject.Inject;
import org.finrec.api.Customer;
import org.finrec.api.ProductCatalog;
import org.finrec.api.data.Dataset;
import org.finrec.api.inference.TextEncoder;
import org.finrec.api.recommend.Reason;
import org.finrec.api.recommend.ReasonCodes;
import org.finrec.api.recommend.Recommendation;
import org.finrec.api.recommend.RecommendationRequest;
import org.finrec.api.recommend.RecommendationResponse;
import org.finrec.api.recommend.RecommendationService;
import org.finrec.api.recommend.RequestContext;
import org.finrec.api.spi.Recommender;
import org.finrec.api.text.MatchMode;
import org.finrec.api.text.ProductMatch;
import org.finrec.api.text.ProductQuery;
import org.finrec.api.text.ProductTextIndex;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Content recommendations through the facade with the real MiniLM encoder and the Lucene text index: a customer's
 * free-text intent and profile give explained recommendations, the suitability policy still removes what the
 * customer may not be offered however well it matches the words, and the recommender keeps serving, by profile
 * alone, while the encoder bundle is stopped. One class per JVM: DJL loads its natives once.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ContentRecommendationIT {

    private static final String NAME = "content-match";
    private static final String UNIVERSITY = "saving for my daughter's university";

    @Inject
    private BundleContext context;

    @Inject
    private ConfigurationAdmin configurationAdmin;

    /** The bank data and configurations stay for the whole class (one framework): set up once. */
    private static boolean configured;

    @Configuration
    public Option[] configuration() throws IOException {
        return OptionUtils.combine(FeatureOptions.of("platform", "core", "inference", "text", "content"),
                systemProperty("finrec.data.dir").value(Files.createTempDirectory("finrec-content-it").toString()));
    }

    @Before
    public void serveContentMatchOnTheTestBank() throws Exception {
        if (configured) {
            return;
        }
        configured = true;
        context.registerService(ProductCatalog.class, TestBank.catalog(), null);
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(Dataset.NAME, "test-bank");
        context.registerService(Dataset.class, TestBank.dataset(), properties);

        Dictionary<String, Object> recommender = new Hashtable<>();
        recommender.put(Recommender.NAME, NAME);
        recommender.put("dataset.target", "(" + Dataset.NAME + "=test-bank)");
        configurationAdmin.getFactoryConfiguration("org.finrec.recommender.content.match", NAME, "?")
                .update(recommender);
        Dictionary<String, Object> facade = new Hashtable<>();
        facade.put("recommender", NAME);
        facade.put("fallback.recommender", "popularity");
        facade.put("time.budget.ms", 5_000L);
        configurationAdmin.getConfiguration("org.finrec.core.facade", "?").update(facade);
        service(TextEncoder.class);
        RecommendationService service = facade();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!service.recommend(asking(TestBank.cautiousCustomer(), UNIVERSITY)).servedBy().equals(NAME)) {
            assertTrue("the facade does not serve " + NAME, System.nanoTime() < deadline);
            Thread.sleep(50);
        }
    }

    @Test
    public void anIntentAndAProfileGiveExplainedRecommendations() throws Exception {
        Customer parent = Customer.builder("parent").age(45).riskTolerance(4).segment("retail").holding("current")
                .build();

        RecommendationResponse plain = facade().recommend(RecommendationRequest.builder(parent).k(3).build());
        RecommendationResponse asking = facade().recommend(asking(parent, UNIVERSITY));

        assertEquals(NAME, asking.servedBy());
        assertFalse(asking.isFallback());
        assertEquals("the savings account matches the intent", "savings",
                asking.recommendations().get(0).product().id());
        for (Recommendation recommendation : asking.recommendations()) {
            List<Reason> reasons = recommendation.reasons();
            assertTrue(reasons.toString(), reasons.stream().anyMatch(r -> r.code().equals(ReasonCodes.PROFILE_MATCH)));
            assertTrue(reasons.toString(), reasons.stream().anyMatch(r -> r.code().equals(ReasonCodes.TEXT_MATCH)
                    && r.message().contains("\"" + UNIVERSITY + "\"")));
            assertTrue(reasons.toString(), reasons.stream().anyMatch(r -> r.code().equals(ReasonCodes.SUITABLE)));
            assertEquals(NAME, recommendation.recommender());
        }
        assertFalse("without the intent there is no text reason about it", plain.recommendations().stream()
                .flatMap(r -> r.reasons().stream()).anyMatch(r -> r.message().contains("asked for")));

        ProductTextIndex index = service(ProductTextIndex.class);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!(index.size() == TestBank.PRODUCTS.size() && index.understandsMeaning())) {
            assertTrue("the text index holds the catalogue with embeddings", System.nanoTime() < deadline);
            Thread.sleep(50);
        }
        Set<String> closestTexts = index.search(new ProductQuery(UNIVERSITY, 2, MatchMode.MEANING, Optional.empty(),
                OptionalInt.empty())).stream().map(ProductMatch::productId).collect(Collectors.toSet());
        assertEquals("the text service finds the student account and the savings account closest",
                Set.of("student", "savings"), closestTexts);
        assertTrue("the student account matches the words but not a 45-year-old", asking.exclusionOf("student")
                .orElseThrow().hasReason(ReasonCodes.AGE_NOT_ELIGIBLE));
    }

    @Test
    public void suitabilityRemovesWhatMatchesTheWordsButNotTheCustomer() throws Exception {
        Customer cautious = TestBank.cautiousCustomer();

        RecommendationResponse response = facade().recommend(asking(cautious,
                "invest in company shares and stock markets for high growth"));

        assertEquals(NAME, response.servedBy());
        Set<String> recommended = response.recommendations().stream().map(r -> r.product().id())
                .collect(Collectors.toSet());
        assertFalse(recommended.toString(), recommended.contains("equity-fund"));
        assertFalse(recommended.toString(), recommended.contains("bond-fund"));
        assertTrue(response.exclusionOf("equity-fund").orElseThrow().hasReason(ReasonCodes.RISK_ABOVE_TOLERANCE));
        assertTrue(response.exclusionOf("bond-fund").orElseThrow().hasReason(ReasonCodes.RISK_ABOVE_TOLERANCE));
        assertFalse(response.recommendations().isEmpty());
    }

    @Test
    public void servesByProfileAloneWhileTheEncoderIsStopped() throws Exception {
        Customer parent = Customer.builder("parent").age(45).riskTolerance(4).holding("current").build();
        Bundle encoderBundle = bundle("org.finrec.encoder.minilm");
        encoderBundle.stop();
        try {
            RecommendationResponse response = facade().recommend(asking(parent, UNIVERSITY));
            assertEquals(NAME, response.servedBy());
            assertFalse(response.isFallback());
            assertFalse(response.recommendations().stream().flatMap(r -> r.reasons().stream())
                    .anyMatch(r -> r.code().equals(ReasonCodes.TEXT_MATCH)));
        } finally {
            encoderBundle.start();
        }
        service(TextEncoder.class);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (facade().recommend(asking(parent, UNIVERSITY)).recommendations().stream()
                .flatMap(r -> r.reasons().stream()).noneMatch(r -> r.code().equals(ReasonCodes.TEXT_MATCH))) {
            assertTrue("text reasons return with the encoder", System.nanoTime() < deadline);
            Thread.sleep(50);
        }
    }

    private static RecommendationRequest asking(Customer customer, String intent) {
        return RecommendationRequest.builder(customer).k(3)
                .context(RequestContext.of("mobile", "search").withAttribute(RequestContext.INTENT, intent)).build();
    }

    private RecommendationService facade() throws InterruptedException {
        return FacadeIT.facade(context);
    }

    private <T> T service(Class<T> type) throws InterruptedException {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        T service = tracker.waitForService(120_000);
        assertNotNull("no " + type.getSimpleName() + " within 120 s", service);
        return service;
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle bundle : context.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        throw new AssertionError(symbolicName + " is not installed");
    }
}
