package org.finrec.runtime.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.inject.Inject;
import org.finrec.api.ProductCatalog;
import org.finrec.api.data.Dataset;
import org.finrec.api.recommend.ReasonCodes;
import org.finrec.api.recommend.Recommendation;
import org.finrec.api.recommend.RecommendationRequest;
import org.finrec.api.recommend.RecommendationResponse;
import org.finrec.api.recommend.RecommendationService;
import org.finrec.api.recommend.RecommendationUnavailableException;
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

/**
 * Every collaborative-filtering algorithm, configured by a factory configuration in the running framework, trains
 * on the registered dataset and serves through the facade with its own reasons, suitability still enforced.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CollaborativeFilteringIT {

    @Inject
    private BundleContext context;

    @Inject
    private ConfigurationAdmin configurationAdmin;

    private ServiceRegistration<ProductCatalog> catalog;
    private ServiceRegistration<Dataset> dataset;

    @Configuration
    public Option[] configuration() {
        return FeatureOptions.of("platform", "core", "cf");
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

    @Test
    public void userKnnServesWithSimilarCustomers() throws Exception {
        assertServes("user-knn", "org.finrec.recommender.cf.userknn", ReasonCodes.SIMILAR_CUSTOMERS_HOLD);
    }

    @Test
    public void itemKnnServesWithProductsHeldTogether() throws Exception {
        assertServes("item-knn", "org.finrec.recommender.cf.itemknn", ReasonCodes.HELD_TOGETHER_WITH);
    }

    @Test
    public void alsServesWithLatentFactors() throws Exception {
        assertServes("als", "org.finrec.recommender.cf.als", ReasonCodes.LATENT_FACTOR_MATCH);
    }

    @Test
    public void bprServesWithLatentFactors() throws Exception {
        assertServes("bpr", "org.finrec.recommender.cf.bpr", ReasonCodes.LATENT_FACTOR_MATCH);
    }

    private void assertServes(String name, String factoryPid, String reasonCode) throws Exception {
        Dictionary<String, Object> cf = new Hashtable<>();
        cf.put("finrec.recommender.name", name);
        cf.put("dataset.target", "(finrec.dataset.name=test-bank)");
        org.osgi.service.cm.Configuration recommender =
                configurationAdmin.getFactoryConfiguration(factoryPid, name, "?");
        recommender.update(cf);
        Dictionary<String, Object> facadeSettings = new Hashtable<>();
        facadeSettings.put("recommender", name);
        facadeSettings.put("fallback.recommender", "popularity");
        configurationAdmin.getConfiguration("org.finrec.core.facade", "?").update(facadeSettings);
        try {
            RecommendationService facade = FacadeIT.facade(context);
            RecommendationRequest request = RecommendationRequest.builder(TestBank.cautiousCustomer()).k(3).build();
            RecommendationResponse response = awaitServedBy(facade, request, name);
            assertEquals(name, response.servedBy());
            List<Recommendation> served = response.recommendations();
            assertFalse(served.isEmpty());
            Recommendation first = served.get(0);
            assertEquals(name, first.recommender());
            assertTrue(first.reasons().stream().anyMatch(reason -> reason.code().equals(reasonCode)));
            Set<String> ids = served.stream().map(r -> r.product().id()).collect(Collectors.toSet());
            assertFalse("unsuitable for risk tolerance 2", ids.contains("equity-fund") || ids.contains("bond-fund"));
            assertFalse("already held", ids.contains("current"));
        } finally {
            recommender.delete();
        }
    }

    /**
     * Asks until {@code name} serves. While the facade's new settings are on their way it may still name the
     * previous test's recommender, already deleted, with the fallback retraining on this test's dataset: such a
     * request is refused, and is asked again.
     */
    private static RecommendationResponse awaitServedBy(RecommendationService facade, RecommendationRequest request,
            String name) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                RecommendationResponse response = facade.recommend(request);
                if (response.servedBy().equals(name) || System.nanoTime() > deadline) {
                    return response;
                }
            } catch (RecommendationUnavailableException notYet) {
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
            }
            Thread.sleep(100);
        }
    }
}
