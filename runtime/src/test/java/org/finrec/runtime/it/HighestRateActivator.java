package org.finrec.runtime.it;

import java.util.Dictionary;
import java.util.Hashtable;
import org.finrec.api.spi.Recommender;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/** Registers {@link HighestRateRecommender} while its test bundle is active. */
public final class HighestRateActivator implements BundleActivator {

    @Override
    public void start(BundleContext context) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(Recommender.NAME, HighestRateRecommender.NAME);
        properties.put(Recommender.FAMILY, "rules");
        context.registerService(Recommender.class, new HighestRateRecommender(), properties);
    }

    @Override
    public void stop(BundleContext context) {
        // the framework unregisters the service
    }
}
