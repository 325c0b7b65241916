package org.finrec.recommender.cf.internal;

import static org.finrec.api.spi.ProductListScoring.score;
import static org.finrec.api.spi.ProductListScoring.explain;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.finrec.api.Customer;
import org.finrec.api.Interaction;
import org.finrec.api.InteractionKind;
import org.finrec.api.Product;
import org.finrec.api.data.Dataset;
import org.finrec.api.data.ProgressListener;
import org.finrec.api.model.ModelLineage;
import org.finrec.api.recommend.Explanation;
import org.finrec.api.recommend.RecommendationRequest;
import org.osgi.util.converter.Converter;
import org.osgi.util.converter.Converters;
import org.osgi.util.converter.TypeRule;
import org.slf4j.Logger;

/** Data, configurations, requests and a recording logger for the model-store tests. */
final class StoreFixtures {

    static final int PRODUCTS = 20;
    static final Set<InteractionKind> POSITIVE = Set.of(InteractionKind.PURCHASE, InteractionKind.HOLD);
    /** 80 customers with random rows over 20 products (ids C0.., P0..). */
    static final Dataset DATA = AlsBprFixtures.dataset(PRODUCTS, KnnTestData.randomRows(80, PRODUCTS, 11));

    private StoreFixtures() {
    }

    /** Small, fast settings of an algorithm; {@code seed} changes ALS and BPR models. */
    static CfSettings settings(Algorithm algorithm, Similarity similarity, long seed) {
        return new CfSettings(algorithm, similarity, 10, 6, 5, CfSettings.defaultRegularization(algorithm), 1, 0.1,
                20, seed, 2, POSITIVE);
    }

    /** The lineage the tests save their models with: trained on {@link #DATA} now. */
    static ModelLineage lineage() {
        return ModelLineage.of("test", Map.of(), DATA);
    }

    static CfModel train(CfSettings settings) {
        return settings.algorithm().trainer(settings).train(DATA, ProgressListener.NONE);
    }

    /**
     * Converts like the standard converter, and also to this package's enums: the standard converter calls their
     * {@code valueOf} by reflection, which their package-private classes refuse (Declarative Services itself uses
     * {@link Enum#valueOf(Class, String)}).
     */
    private static final Converter CONVERTER = Converters.newConverterBuilder()
            .rule(new TypeRule<String, Similarity>(String.class, Similarity.class, Similarity::valueOf))
            .build();

    /** A component configuration as Declarative Services would build it from these properties. */
    static <C> C configuration(Map<String, ?> properties, Class<C> type) {
        return CONVERTER.convert(properties).to(type);
    }

    /** The checked configuration of the component of {@code algorithm} with these properties. */
    static CfSetup setup(Algorithm algorithm, Map<String, ?> properties) {
        return switch (algorithm) {
            case USER_KNN -> UserKnnRecommender.setup(configuration(properties, UserKnnConfiguration.class),
                    properties);
            case ITEM_KNN -> ItemKnnRecommender.setup(configuration(properties, ItemKnnConfiguration.class),
                    properties);
            case ALS -> AlsRecommender.setup(configuration(properties, AlsConfiguration.class), properties);
            case BPR -> BprRecommender.setup(configuration(properties, BprConfiguration.class), properties);
        };
    }

    /** The properties of recommender {@code name}: small settings of its algorithm, the store and the version. */
    static Map<String, Object> properties(String name, Algorithm algorithm, Path store, String version) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("finrec.recommender.name", name);
        switch (algorithm) {
            case USER_KNN -> properties.put("neighbours", 10);
            case ITEM_KNN -> {
                properties.put("neighbours", 10);
                properties.put("threads", 2);
            }
            case ALS -> {
                properties.put("factors", 6);
                properties.put("iterations", 5);
                properties.put("threads", 2);
            }
            case BPR -> {
                properties.put("factors", 6);
                properties.put("epochs", 20);
            }
        }
        properties.put("model.store", store == null ? "" : store.toString());
        properties.put("model.version", version);
        return properties;
    }

    /** The checked configuration of recommender {@code name}: small settings, the store and the version given. */
    static CfSetup configuration(String name, Algorithm algorithm, Path store, String version) {
        return setup(algorithm, properties(name, algorithm, store, version));
    }

    /**
     * Requests that cover every scoring path: known customers as trained, a known customer with a product their
     * training row lacks, unknown customers with holdings and with a positive session event, and a customer with
     * nothing (no opinion for the factor models).
     */
    static List<RecommendationRequest> requests() {
        List<RecommendationRequest> requests = new ArrayList<>();
        for (int c = 0; c < DATA.customerCount(); c += 9) {
            requests.add(RecommendationRequest.builder(DATA.customer(c)).k(5).build());
        }
        requests.add(RecommendationRequest.builder(Customer.builder("C3").holding("P19").build()).k(5).build());
        requests.add(RecommendationRequest.builder(Customer.builder("new-1").holding("P0", "P4", "P7").build())
                .k(5).build());
        requests.add(RecommendationRequest.builder(Customer.builder("new-2").holding("P2").build())
                .recentEvents(List.of(Interaction.of("new-2", "P5", InteractionKind.PURCHASE,
                        java.time.Instant.parse("2026-02-01T00:00:00Z"))))
                .k(5).build());
        requests.add(RecommendationRequest.builder(Customer.builder("new-3").build()).k(5).build());
        return requests;
    }

    /** Every product of the data, as the candidates of a request. */
    static List<Product> candidates() {
        List<Product> products = new ArrayList<>();
        for (int p = 0; p < DATA.productCount(); p++) {
            products.add(DATA.product(p));
        }
        return products;
    }

    /** The scores of every request, then the explanation of every product with a finite score. */
    static List<Object> answers(CfRecommender recommender) {
        List<Object> answers = new ArrayList<>();
        for (RecommendationRequest request : requests()) {
            double[] scores = score(recommender, request, candidates());
            answers.add(scores);
            for (int p = 0; p < scores.length; p++) {
                if (Double.isFinite(scores[p])) {
                    Explanation explanation = explain(recommender, request, candidates().get(p));
                    answers.add(explanation);
                }
            }
        }
        return answers;
    }

    /** What a logger was asked to log: level and message with its arguments filled in. */
    record Logged(String level, String message) {
    }

    /** A logger that records every call at info level and above. */
    static final class RecordingLogger {
        final List<Logged> logged = Collections.synchronizedList(new ArrayList<>());
        final Logger logger = (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(),
                new Class<?>[] {Logger.class}, (proxy, method, args) -> {
                    String level = method.getName();
                    if (method.getReturnType() == boolean.class) {
                        return true; // isXxxEnabled
                    }
                    if (List.of("info", "warn", "error").contains(level) && args != null && args.length > 0
                            && args[0] instanceof String format) {
                        List<Object> values = new ArrayList<>();
                        for (int a = 1; a < args.length; a++) {
                            if (args[a] instanceof Object[] array) {
                                values.addAll(List.of(array));
                            } else {
                                values.add(args[a]);
                            }
                        }
                        StringBuilder message = new StringBuilder();
                        int from = 0;
                        int value = 0;
                        for (int at = format.indexOf("{}"); at >= 0; at = format.indexOf("{}", from)) {
                            message.append(format, from, at).append(value < values.size() ? values.get(value++)
                                    : "{}");
                            from = at + 2;
                        }
                        message.append(format.substring(from));
                        logged.add(new Logged(level, message.toString()));
                    }
                    return method.getReturnType() == String.class ? "recording" : null;
                });

        List<Logged> at(String level) {
            synchronized (logged) {
                return logged.stream().filter(entry -> entry.level().equals(level)).toList();
            }
        }
    }
}
