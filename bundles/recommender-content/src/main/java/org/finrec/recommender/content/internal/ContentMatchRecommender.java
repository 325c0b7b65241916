package org.finrec.recommender.content.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.finrec.api.Product;
import org.finrec.api.ProductCatalog;
import org.finrec.api.config.ConfigurationReader;
import org.finrec.api.config.InvalidConfigurationException;
import org.finrec.api.data.Dataset;
import org.finrec.api.inference.TextEncoder;
import org.finrec.api.recommend.Explanation;
import org.finrec.api.recommend.Reason;
import org.finrec.api.recommend.ReasonCodes;
import org.finrec.api.recommend.RecommendationRequest;
import org.finrec.api.model.ModelFileException;
import org.finrec.api.model.ModelLineage;
import org.finrec.api.model.Reconfiguration;
import org.finrec.api.model.ServedModel;
import org.finrec.api.spi.Recommender;
import org.finrec.api.spi.RequestScorer;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recommends products whose attributes fit the customer's profile and whose text fits what the customer holds,
 * viewed and asked for. The score is log odds: the {@link ProfileMatchModel} (product attributes crossed with life
 * stage, income, risk tolerance and further attributes, learned from holdings) plus, when a {@link TextEncoder}
 * runs, configured weights times the similarity of the product's text to the request's free-text intent (in
 * standard deviations over the catalogue, see {@link TextAffinity}), and times the cosine similarity to the closest
 * product held and to the closest product recently viewed. Works for a new customer (a profile, no
 * holdings) and for a new product (attributes and a description, no holders). Every score is explained term by
 * term. Trains on the referenced {@link Dataset} at activation; one instance per factory configuration; the
 * encoder may come and go while it serves.
 */
@Component(service = Recommender.class, configurationPid = ContentMatchRecommender.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE,
        property = {
            Recommender.NAME + "=content-match",
            Recommender.FAMILY + "=" + Recommender.FAMILY_CONTENT
        })
@Designate(ocd = ContentMatchConfiguration.class, factory = true)
public final class ContentMatchRecommender implements Recommender {

    static final String PID = "org.finrec.recommender.content.match";

    private static final Logger LOG = LoggerFactory.getLogger(ContentMatchRecommender.class);
    private static final int MAX_QUOTED = 120;
    private static final int MAX_REFERENCE = 1_000;
    /** The largest profile terms each get a reason; the rest share one, so that the reasons still add up. */
    private static final int MAX_PROFILE_REASONS = 4;

    /**
     * Log odds per unit of cosine similarity for each source of text, how many recent views count, and the
     * similarity of its closest product that an intent needs to count at all (see {@link TextAffinity}).
     */
    record TextWeights(double intent, double holdings, double views, int recentViews, double intentMinimumSimilarity) {

        double of(TextAffinity.Source source) {
            switch (source) {
                case INTENT:
                    return intent;
                case HOLDINGS:
                    return holdings;
                default:
                    return views;
            }
        }
    }

    /** The settings of a configuration: what the profile model trains on, and how text counts. */
    private record Settings(List<String> attributes, double cost, int trainingCustomers, TextWeights text) {
        /**
         * Reads and checks the settings of a configuration as it arrives.
         *
         * @throws InvalidConfigurationException naming the PID, property and value of a setting out of range
         */
        static Settings of(Map<String, ?> properties) {
            ConfigurationReader reader = ConfigurationReader.of(PID, properties);
            reader.text(Recommender.NAME, ContentMatchConfiguration.DEFAULT_NAME);
            return new Settings(reader.texts("attributes", ContentMatchConfiguration.DEFAULT_ATTRIBUTES),
                    reader.number("cost", ContentMatchConfiguration.DEFAULT_COST, ContentMatchConfiguration.MIN_COST,
                            ContentMatchConfiguration.MAX_COST),
                    reader.integer("training.customers", ContentMatchConfiguration.DEFAULT_TRAINING_CUSTOMERS, 1,
                            ContentMatchConfiguration.MAX_TRAINING_CUSTOMERS),
                    new TextWeights(weight(reader, "intent.weight", ContentMatchConfiguration.DEFAULT_INTENT_WEIGHT),
                            weight(reader, "holdings.weight", ContentMatchConfiguration.DEFAULT_HOLDINGS_WEIGHT),
                            weight(reader, "views.weight", ContentMatchConfiguration.DEFAULT_VIEWS_WEIGHT),
                            reader.integer("recent.views", ContentMatchConfiguration.DEFAULT_RECENT_VIEWS, 0,
                                    ContentMatchConfiguration.MAX_RECENT_VIEWS),
                            reader.number("intent.min.similarity",
                                    ContentMatchConfiguration.DEFAULT_INTENT_MIN_SIMILARITY, 0, 1)));
        }

        private static double weight(ConfigurationReader reader, String property, double defaultValue) {
            return reader.number(property, defaultValue, 0, ContentMatchConfiguration.MAX_WEIGHT);
        }
    }

    private final String name;
    private final Dataset products;
    private final ServedModel<ProfileMatchModel, Map<String, String>> served;
    /** Applies configuration changes off Configuration Admin's delivery thread (a retraining takes long). */
    private final Reconfiguration reconfiguration;
    private final TextWeights textWeights;
    private volatile TextAffinity affinity;

    /**
     * Activates the component: trains (and saves to {@code model.store}), or loads {@code model.version}. The
     * Dataset is needed either way: its products are what text is matched against.
     *
     * @throws IllegalStateException when no model can be had; the message names the file and the problem
     */
    @Activate
    public ContentMatchRecommender(ContentMatchConfiguration configuration, Map<String, Object> properties,
            @Reference(name = "dataset") Dataset dataset) {
        Settings settings = Settings.of(properties);
        this.name = configuration.finrec_recommender_name().trim();
        this.products = dataset;
        this.textWeights = settings.text();
        this.served = new ServedModel<>();
        this.reconfiguration = new Reconfiguration(this.name);
        try {
            configure(configuration, settings);
        } catch (ModelFileException e) {
            throw new IllegalStateException("Content-match recommender " + name + " cannot load model "
                    + configuration.model_version().trim() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Applies a configuration change without deactivating (see {@link ServedModel#configure}): a setting out of
     * range is refused at once and logged with its PID and property; a model that cannot be had is logged; either
     * way the previous model keeps serving. Text weights apply at activation.
     */
    @Modified
    void modified(ContentMatchConfiguration configuration, Map<String, Object> properties) {
        reconfiguration.submit(() -> Settings.of(properties), settings -> configure(configuration, settings),
            refused -> LOG.error("{}; content-match recommender {} keeps its previous configuration and model {}",
                    refused.getMessage(), name, modelVersion()), e ->
            LOG.error("Content-match recommender {} (PID {}) refused model.version '{}': {}; still serving model {}",
                    name, PID, configuration.model_version().trim(), e.getMessage(), modelVersion(), e));
    }

    /** Waits until the configuration changes submitted so far are applied or refused (for tests). */
    boolean awaitReconfiguration(long timeoutMillis) throws InterruptedException {
        return reconfiguration.awaitIdle(timeoutMillis);
    }

    /** Skips the configuration changes not applied yet: the component is going away. */
    @Deactivate
    void deactivate() {
        reconfiguration.close();
    }


    private void configure(ContentMatchConfiguration configuration, Settings settings) throws ModelFileException {
        Map<String, String> parameters = Map.of("attributes", String.join(",", settings.attributes()), "cost",
                Double.toString(settings.cost()), "training.customers",
                Integer.toString(settings.trainingCustomers()));
        ServedModel.Outcome<ProfileMatchModel> outcome = served.configure(name, configuration.model_store(),
                configuration.model_version(), ProfileMatchCodec.CODEC, parameters,
                () -> ProfileMatchModel.train(products, ProfileFeatures.fit(products, settings.attributes()),
                        settings.cost(), settings.trainingCustomers()),
                trained -> ModelLineage.of(ProfileMatchModel.class.getName(), parameters, products));
        LOG.info("Content-match recommender {} {} ({} customer-product pairs)", name, outcome.summary(),
                outcome.model().trainedPairs());
        if (outcome.saveFailure() != null) {
            LOG.error("Content-match recommender {} serves model {} but could not save it: {}", name,
                    outcome.model().version(), outcome.saveFailure().getMessage(), outcome.saveFailure());
        }
    }

    /** Serves a given model from now on, in one write; scorers handed out before keep the model they were bound to. */
    void serve(ProfileMatchModel next) {
        served.serve(next, ProfileMatchCodec.CODEC);
    }

    ContentMatchRecommender(String name, ProfileMatchModel model, Dataset products, TextWeights textWeights) {
        this.name = name;
        this.served = new ServedModel<>(model, ProfileMatchCodec.CODEC);
        this.reconfiguration = new Reconfiguration(this.name);
        this.products = products;
        this.textWeights = textWeights;
    }

    /**
     * Starts matching text with an encoder; a later encoder replaces an earlier one.
     *
     * @param encoder the encoder
     */
    @Reference(name = "encoder", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindEncoder(TextEncoder encoder) {
        affinity = new TextAffinity(encoder, this::product, textWeights.recentViews(), reference(),
                textWeights.intentMinimumSimilarity());
        LOG.info("Content-match recommender {} matches text with encoder {}", name, encoder.modelVersion());
    }

    void unbindEncoder(TextEncoder encoder) {
        TextAffinity current = affinity;
        if (current != null && current.encoder() == encoder) {
            affinity = null;
        }
    }

    /** The catalogue the intent's similarities are standardised over: every product, or 1,000 evenly spaced. */
    private List<Product> reference() {
        int step = Math.max(1, (products.productCount() + MAX_REFERENCE - 1) / MAX_REFERENCE);
        List<Product> reference = new ArrayList<>();
        for (int p = 0; p < products.productCount(); p += step) {
            reference.add(products.product(p));
        }
        return reference;
    }

    private Optional<Product> product(String id) {
        int index = products.productIndex(id);
        return index < 0 ? Optional.empty() : Optional.of(products.product(index));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String family() {
        return FAMILY_CONTENT;
    }

    @Override
    public String modelVersion() {
        return served.model().version();
    }

    @Override
    public RequestScorer scorer(RecommendationRequest request, ProductCatalog catalog) {
        ProfileMatchModel bound = served.model(); // one read: the scorer uses one model, whatever swaps later
        TextAffinity text = affinity;
        TextAffinity.Anchors anchors = text == null ? null : text.anchors(request);
        boolean matchesText = anchors != null && !anchors.isEmpty();
        return new Scorer(bound, catalog, bound.features().profile(request.customer()), matchesText ? text : null,
                matchesText ? anchors : null);
    }

    /**
     * Scores one customer's profile and text anchors (intent, holdings, views), each worked out once, with one
     * model and one encoder.
     */
    private final class Scorer implements RequestScorer {
        private final ProfileMatchModel model;
        private final ProductCatalog catalog;
        private final ProfileFeatures.Profile profile;
        /** Null when no encoder runs or the request has nothing to match text with. */
        private final TextAffinity text;
        private final TextAffinity.Anchors anchors;

        Scorer(ProfileMatchModel model, ProductCatalog catalog, ProfileFeatures.Profile profile, TextAffinity text,
                TextAffinity.Anchors anchors) {
            this.model = model;
            this.catalog = catalog;
            this.profile = profile;
            this.text = text;
            this.anchors = anchors;
        }

        @Override
        public String modelVersion() {
            return model.version();
        }

        @Override
        public double[] score(int[] candidates) {
            List<Product> products = new ArrayList<>(candidates.length);
            for (int candidate : candidates) {
                products.add(catalog.products().get(candidate));
            }
            List<float[]> vectors = text == null ? null : text.vectors(products);
            double[] scores = new double[candidates.length];
            for (int i = 0; i < scores.length; i++) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new IllegalStateException("interrupted");
                }
                Product product = products.get(i);
                double score = model.score(profile, product);
                if (vectors != null) {
                    for (TextAffinity.Closest closest : text.closest(anchors, vectors.get(i), product.id())) {
                        score += textWeights.of(closest.source()) * closest.signal();
                    }
                }
                scores[i] = score;
            }
            return scores;
        }

        @Override
        public Explanation explain(int candidate) {
            Product product = catalog.products().get(candidate);
            List<Reason> reasons = new ArrayList<>();
            List<ProfileMatchModel.Term> terms = model.terms(profile, product);
            boolean known = !terms.isEmpty() && terms.get(0).feature().key().equals("product=" + product.id());
            double base = model.bias() + (known ? terms.get(0).weight() : 0);
            reasons.add(new Reason(ReasonCodes.POPULAR_OVERALL, known
                    ? String.format(Locale.ROOT, "How widely %s is held, before the profile: log odds %.2f.",
                            product.name(), base)
                    : String.format(Locale.ROOT, "%s is new: no customer held it in the training data, so it starts "
                            + "from the log odds of any product, %.2f.", product.name(), base), base));
            List<ProfileMatchModel.Term> profileTerms = new ArrayList<>(known ? terms.subList(1, terms.size()) : terms);
            profileTerms.sort(Comparator.comparingDouble((ProfileMatchModel.Term term) -> -Math.abs(term.weight())));
            for (ProfileMatchModel.Term term : profileTerms.subList(0, Math.min(MAX_PROFILE_REASONS,
                    profileTerms.size()))) {
                String meaning = term.feature().meaning();
                reasons.add(new Reason(ReasonCodes.PROFILE_MATCH, String.format(Locale.ROOT,
                        "%s%s: held %s often than the average (%+.2f log odds).", meaning.substring(0, 1)
                                .toUpperCase(Locale.ROOT), meaning.substring(1), term.weight() >= 0 ? "more" : "less",
                        term.weight()), term.weight()));
            }
            if (profileTerms.size() > MAX_PROFILE_REASONS) {
                List<ProfileMatchModel.Term> rest = profileTerms.subList(MAX_PROFILE_REASONS, profileTerms.size());
                double sum = rest.stream().mapToDouble(ProfileMatchModel.Term::weight).sum();
                reasons.add(new Reason(ReasonCodes.PROFILE_MATCH, String.format(Locale.ROOT,
                        "%d smaller profile terms, each within %.2f log odds: together %+.2f.", rest.size(),
                        Math.abs(rest.get(0).weight()), sum), sum));
            }
            if (text != null) {
                float[] vector = text.vectors(List.of(product)).get(0);
                for (TextAffinity.Closest closest : text.closest(anchors, vector, product.id())) {
                    double contribution = textWeights.of(closest.source()) * closest.signal();
                    if (contribution != 0) {
                        reasons.add(new Reason(ReasonCodes.TEXT_MATCH, textMessage(closest), contribution));
                    }
                }
            }
            double score = reasons.stream().mapToDouble(Reason::contribution).sum();
            return new Explanation(product.id(), score, reasons);
        }
    }

    private static String textMessage(TextAffinity.Closest closest) {
        switch (closest.source()) {
            case INTENT:
                String asked = closest.text().length() <= MAX_QUOTED ? closest.text()
                        : closest.text().substring(0, MAX_QUOTED) + "...";
                return String.format(Locale.ROOT, "Its description %s what the customer asked for, \"%s\" "
                        + "(similarity %.2f, %+.1f standard deviations from the catalogue's average).",
                        closest.signal() >= 0 ? "is closer than most to" : "is further than most from", asked,
                        closest.similarity(), closest.signal());
            case HOLDINGS:
                return String.format(Locale.ROOT, "Its description is close to %s, which the customer holds "
                        + "(similarity %.2f).", closest.text(), closest.similarity());
            default:
                return String.format(Locale.ROOT, "Its description is close to %s, which the customer viewed "
                        + "recently (similarity %.2f).", closest.text(), closest.similarity());
        }
    }
}
