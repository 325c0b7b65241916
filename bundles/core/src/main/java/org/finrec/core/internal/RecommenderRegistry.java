package org.finrec.core.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.finrec.api.spi.Recommender;
import org.osgi.framework.Constants;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;

/**
 * The recommender services the facade can call, with their service properties, and the calls running on each.
 *
 * <p>When several services match a name or filter, the one with the highest service ranking wins, and among
 * equal rankings the most recently registered: installing a new version of a recommender bundle side by side
 * switches traffic to it as soon as its service is registered. Removing a service waits until the calls already
 * running on it have finished ({@link #remove}), so the bundle that provides it is stopped only after it drained.
 */
final class RecommenderRegistry {

    /** Newest registration first within a ranking, highest ranking first. */
    private static final Comparator<Entry> PREFERENCE = Comparator.comparingInt(Entry::ranking).reversed()
            .thenComparing(Comparator.comparingLong(Entry::serviceId).reversed());

    private final Map<String, Filter> parsedFilters = new ConcurrentHashMap<>();
    private volatile List<Entry> entries = List.of();

    /**
     * A registered recommender and the number of facade calls running on it.
     *
     * @param bundle {@code symbolic-name/version} of the providing bundle
     */
    record Entry(Recommender recommender, Map<String, Object> properties, String bundle, int ranking,
            long serviceId, AtomicInteger inFlight) {

        String name() {
            return recommender.name();
        }
    }

    synchronized void add(Recommender recommender, Map<String, Object> properties, String bundle) {
        int ranking = properties.get(Constants.SERVICE_RANKING) instanceof Integer value ? value : 0;
        long serviceId = properties.get(Constants.SERVICE_ID) instanceof Long value ? value : entries.size();
        List<Entry> updated = new ArrayList<>(entries);
        updated.add(new Entry(recommender, Map.copyOf(properties), bundle, ranking, serviceId, new AtomicInteger()));
        updated.sort(PREFERENCE);
        entries = List.copyOf(updated);
    }

    /**
     * Stops routing calls to a recommender, then waits up to {@code drainMillis} for the calls already running on
     * it to finish.
     *
     * @return the calls still running when the wait ended (0 when it drained)
     */
    int remove(Recommender recommender, long drainMillis) throws InterruptedException {
        Entry removed = null;
        synchronized (this) {
            List<Entry> updated = new ArrayList<>(entries);
            for (int i = 0; i < updated.size(); i++) {
                if (updated.get(i).recommender() == recommender) {
                    removed = updated.remove(i);
                    break;
                }
            }
            entries = List.copyOf(updated);
        }
        if (removed == null) {
            return 0;
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(drainMillis);
        while (removed.inFlight().get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        return removed.inFlight().get();
    }

    /** Tells whether the service with this id is among the registered recommenders. */
    boolean contains(long serviceId) {
        for (Entry entry : entries) {
            if (entry.serviceId() == serviceId) {
                return true;
            }
        }
        return false;
    }

    /** The recommender registered with this service id, or null. */
    Entry byServiceId(long serviceId) {
        return first(entry -> entry.serviceId() == serviceId);
    }

    /** The preferred recommender with the given name, or null. */
    Entry byName(String name) {
        return first(entry -> name.equals(entry.name()));
    }

    /**
     * The preferred recommender whose service properties match an OSGi filter, or null.
     *
     * @throws IllegalArgumentException if the filter is malformed
     */
    Entry byFilter(String filter) {
        Filter parsed = parsedFilters.computeIfAbsent(filter, RecommenderRegistry::parse);
        return first(entry -> parsed.matches(entry.properties()));
    }

    private Entry first(Predicate<Entry> matches) {
        for (Entry entry : entries) {
            if (matches.test(entry)) {
                return entry;
            }
        }
        return null;
    }

    private static Filter parse(String filter) {
        try {
            return FrameworkUtil.createFilter(filter);
        } catch (InvalidSyntaxException malformed) {
            throw new IllegalArgumentException("Malformed recommender filter " + filter + ": "
                    + malformed.getMessage(), malformed);
        }
    }
}
