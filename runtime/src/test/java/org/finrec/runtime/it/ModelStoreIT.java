package org.finrec.runtime.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javax.inject.Inject;
import org.finrec.api.data.Dataset;
import org.finrec.api.spi.Recommender;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The collaborative-filtering model store in Felix: a trained model is saved, a stored version loads without a
 * dataset, another version swaps in on the same service, and a corrupt version is rejected while the previous model
 * keeps serving.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ModelStoreIT {

    @Inject
    private BundleContext context;

    @Inject
    private ConfigurationAdmin configurationAdmin;

    @Configuration
    public Option[] configuration() {
        return FeatureOptions.of("platform", "core", "cf");
    }

    private ServiceReference<Recommender> await(Predicate<ServiceReference<Recommender>> condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            Collection<ServiceReference<Recommender>> refs = context.getServiceReferences(Recommender.class,
                    "(finrec.recommender.name=stored-als)");
            for (ServiceReference<Recommender> ref : refs) {
                if (condition.test(ref)) {
                    return ref;
                }
            }
            Thread.sleep(50);
        }
        return null;
    }

    private String version(ServiceReference<Recommender> ref) {
        Recommender r = context.getService(ref);
        try {
            return r == null ? null : r.modelVersion();
        } finally {
            context.ungetService(ref);
        }
    }

    @Test
    public void storeLoadSwapRollbackInFelix() throws Exception {
        Path store = Files.createTempDirectory("finrec-store");
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(Dataset.NAME, "test-bank");
        ServiceRegistration<Dataset> dataset = context.registerService(Dataset.class, TestBank.dataset(), properties);
        Dictionary<String, Object> cf = new Hashtable<>();
        cf.put("finrec.recommender.name", "stored-als");
        cf.put("dataset.target", "(finrec.dataset.name=test-bank)");
        cf.put("model.store", store.toString());
        cf.put("factors", 4);
        org.osgi.service.cm.Configuration config = configurationAdmin.getFactoryConfiguration(
                "org.finrec.recommender.cf.als", "stored-als", "?");
        config.update(cf);
        ServiceReference<Recommender> ref = await(r -> true);
        assertNotNull("trained service", ref);
        String v1 = version(ref);
        Object id = ref.getProperty("service.id");
        System.out.println("SCRATCH trained v1 " + v1 + " service " + id);
        assertTrue(Files.isRegularFile(store.resolve("stored-als").resolve(v1 + ".frmodel")));

        // retrain through @Modified with another seed: same service, new version, saved
        cf.put("seed", 7L);
        config.update(cf);
        ServiceReference<Recommender> same = ref;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        String v2 = version(same);
        while (v2.equals(v1) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            v2 = version(same);
        }
        System.out.println("SCRATCH modified -> v2 " + v2 + " service " + same.getProperty("service.id"));
        assertNotEquals(v1, v2);
        // the new model serves as soon as it is trained; its file is written right after, on the same thread
        Path v2File = store.resolve("stored-als").resolve(v2 + ".frmodel");
        while (!Files.isRegularFile(v2File) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(Files.isRegularFile(v2File));
        String second = v2;

        // no dataset: with the default minimum cardinality 1 the service goes away
        dataset.unregister();
        Thread.sleep(500);
        assertEquals(null, await(r -> true) == null ? null : "still there");

        // load v1 without any dataset (minimum 0)
        cf.put("model.version", v1);
        cf.put("dataset.cardinality.minimum", 0);
        config.update(cf);
        ref = await(r -> v1.equals(version(r)));
        assertNotNull("loaded v1 without a dataset", ref);
        Object loadedId = ref.getProperty("service.id");
        System.out.println("SCRATCH loaded v1 without dataset, service " + loadedId);

        // swap to v2 via @Modified: same service id
        cf.put("model.version", second);
        config.update(cf);
        ref = await(r -> second.equals(version(r)));
        assertNotNull("swapped to v2", ref);
        assertEquals(loadedId, ref.getProperty("service.id"));
        System.out.println("SCRATCH swapped to v2, service " + ref.getProperty("service.id"));

        // a corrupt version: keeps serving v2
        Path file = store.resolve("stored-als").resolve(v1 + ".frmodel");
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 1;
        Files.write(file, bytes);
        cf.put("model.version", v1);
        config.update(cf);
        Thread.sleep(1000);
        ref = await(r -> true);
        assertEquals(loadedId, ref.getProperty("service.id"));
        assertEquals(v2, version(ref));
        System.out.println("SCRATCH corrupt v1 rejected, still v2, service " + ref.getProperty("service.id"));
        config.delete();
    }
}
