package org.finrec.runtime.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Set;
import java.util.stream.Collectors;
import javax.inject.Inject;
import org.finrec.api.Customer;
import org.finrec.api.ProductCatalog;
import org.finrec.api.data.Dataset;
import org.finrec.api.recommend.Exclusion;
import org.finrec.api.recommend.ReasonCodes;
import org.finrec.api.recommend.Recommendation;
import org.finrec.api.recommend.RecommendationRequest;
import org.finrec.api.recommend.RecommendationResponse;
import org.finrec.api.recommend.RecommendationService;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;

/** The facade, the default suitability policy and popularity, booted in Felix from the platform and core features. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class FacadeIT {

    @Inject
    private BundleContext context;

    @Inject
    private ConfigurationAdmin configurationAdmin;

    private ServiceRegistration<ProductCatalog> catalog;
    private ServiceRegistration<Dataset> dataset;

    @Configuration
    public Option[] configuration() {
        return FeatureOptions.of("platform", "core");
    }

    @Before
    public void registerBankData() {
        catalog = context.registerService(ProductCatalog.class, TestBank.catalog(), null);
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(Dataset.NAME, "test-bank");
        dataset = context.registerService(Dataset.class, TestBank.dataset(), properties);
    }

    @After
    public void unregisterBankData() {
        dataset.unregister();
        catalog.unregister();
    }

    static RecommendationService facade(BundleContext context) throws InterruptedException {
        ServiceTracker<RecommendationService, RecommendationService> tracker =
                new ServiceTracker<>(context, RecommendationService.class, null);
        tracker.open();
        RecommendationService facade = tracker.waitForService(10_000);
        assertNotNull("no RecommendationService within 10 s", facade);
        return facade;
    }

    @Test
    public void returnsKRecommendationsEachWithReasonsAndProvenance() throws Exception {
        Customer customer = Customer.builder("new").age(40).riskTolerance(7).segment("retail").build();

        RecommendationResponse response = facade(context).recommend(
                RecommendationRequest.builder(customer).k(4).build());

        assertEquals(4, response.recommendations().size());
        assertEquals("popularity", response.servedBy());
        assertFalse(response.isFallback());
        double previous = Double.POSITIVE_INFINITY;
        for (Recommendation recommendation : response.recommendations()) {
            assertTrue(recommendation.score() <= previous);
            previous = recommendation.score();
            assertTrue(recommendation.reasons().stream()
                    .anyMatch(reason -> reason.code().equals(ReasonCodes.POPULAR_IN_SEGMENT)));
            assertTrue(recommendation.reasons().stream()
                    .anyMatch(reason -> reason.code().equals(ReasonCodes.SUITABLE)));
            assertTrue(recommendation.modelVersion(), recommendation.modelVersion().matches("[0-9a-f]{64}"));
        }
        assertEquals("current", response.recommendations().get(0).product().id());
    }

    @Test
    public void neverRecommendsAHeldProduct() throws Exception {
        RecommendationService facade = facade(context);
        Dataset data = TestBank.dataset();
        for (int c = 0; c < data.customerCount(); c += 7) {
            Customer customer = data.customer(c);
            RecommendationResponse response = facade.recommend(RecommendationRequest.builder(customer).k(5).build());
            for (Recommendation recommendation : response.recommendations()) {
                assertFalse(customer.id() + " holds " + recommendation.product().id(),
                        customer.holds(recommendation.product().id()));
            }
            for (String held : customer.holdings()) {
                assertTrue(response.exclusionOf(held).orElseThrow().hasReason(ReasonCodes.ALREADY_HELD));
            }
        }
    }

    @Test
    public void neverRecommendsAnUnsuitableProductAndRecordsWhy() throws Exception {
        RecommendationResponse response = facade(context).recommend(
                RecommendationRequest.builder(TestBank.cautiousCustomer()).k(10).build());

        Set<String> recommended = response.recommendations().stream().map(r -> r.product().id())
                .collect(Collectors.toSet());
        assertFalse(recommended.contains("equity-fund"));
        assertFalse(recommended.contains("bond-fund"));
        assertFalse(recommended.contains("student"));
        Exclusion equity = response.exclusionOf("equity-fund").orElseThrow();
        assertTrue(equity.hasReason(ReasonCodes.RISK_ABOVE_TOLERANCE));
        assertTrue(response.exclusionOf("bond-fund").orElseThrow().hasReason(ReasonCodes.RISK_ABOVE_TOLERANCE));
        assertTrue(response.exclusionOf("student").orElseThrow().hasReason(ReasonCodes.AGE_NOT_ELIGIBLE));
        assertEquals(Set.of("savings", "credit-card", "term-deposit"), recommended);
    }

    @Test
    public void featureConfigurationsReachConfigurationAdmin() throws Exception {
        Dictionary<String, Object> facadeConfiguration =
                configurationAdmin.getConfiguration("org.finrec.core.facade", "?").getProperties();
        assertNotNull("the core feature's facade configuration was not applied", facadeConfiguration);
        assertEquals("popularity", facadeConfiguration.get("recommender"));
        assertEquals(250L, facadeConfiguration.get("time.budget.ms"));
    }
}
