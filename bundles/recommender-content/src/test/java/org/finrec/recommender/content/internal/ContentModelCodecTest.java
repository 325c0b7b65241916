package org.finrec.recommender.content.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.finrec.api.Customer;
import org.finrec.api.Product;
import org.finrec.api.ProductCategory;
import org.finrec.api.data.Dataset;
import org.finrec.api.data.Model;
import org.finrec.api.model.ModelCodec;
import org.finrec.api.model.ModelFileException;
import org.finrec.api.model.ModelLineage;
import org.finrec.api.model.ModelStore;
import org.finrec.api.model.ModelVersion;
import org.finrec.api.model.StoredModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The naive-Bayes and profile-match codecs: a stored model loads under its version and scores bit-identically. */
class ContentModelCodecTest {

    private static final List<String> FEATURES = List.of("segment", "ageBand", "balance", "province");

    @TempDir
    Path folder;

    /**
     * 240 customers with every profile attribute the models use (a numeric balance with many values, so that it is
     * binned) and holdings that depend on them; six products of several categories, terms and rates.
     */
    private static Dataset bank() {
        List<Product> products = List.of(
                Product.builder("current").name("Current account").category(ProductCategory.ACCOUNT).build(),
                Product.builder("car-loan").name("Car loan").category(ProductCategory.LOAN).termMonths(48)
                        .annualRatePercent(7.5).build(),
                Product.builder("pension").name("Pension plan").category(ProductCategory.PENSION).riskClass(3)
                        .build(),
                Product.builder("deposit").name("Term deposit").category(ProductCategory.DEPOSIT).termMonths(12)
                        .annualRatePercent(2.5).build(),
                Product.builder("fund").name("Equity fund").category(ProductCategory.FUND).riskClass(6).build(),
                Product.builder("new-card").name("New card").category(ProductCategory.CARD).build());
        List<Customer> customers = new ArrayList<>();
        for (int c = 0; c < 240; c++) {
            boolean young = c % 2 == 0;
            Customer.Builder customer = Customer.builder("c" + c).age(young ? 20 + c % 15 : 50 + c % 15)
                    .annualIncome(15_000 + 700.0 * (c % 60)).segment(c % 3 == 0 ? "private" : "retail")
                    .riskTolerance(1 + c % 7).attribute("balance", Integer.toString(c * 37 % 1000))
                    .attribute("province", "p" + c % 4).holding("current");
            if (c % 5 != 0) {
                customer.holding(young ? "car-loan" : "pension");
            }
            if (c % 7 == 1) {
                customer.holding("deposit");
            }
            if (c % 3 == 0 && c % 2 == 1) {
                customer.holding("fund");
            }
            customers.add(customer.build());
        }
        return Dataset.of("content-bank", customers, products, List.of());
    }

    /** Customers of the data and new ones, one with nothing known. */
    private static List<Customer> customers(Dataset data) {
        List<Customer> customers = new ArrayList<>();
        for (int c = 0; c < data.customerCount(); c += 7) {
            customers.add(data.customer(c));
        }
        customers.add(Customer.builder("new-1").age(30).annualIncome(99_000).riskTolerance(6)
                .attribute("balance", "5000").attribute("province", "p9").segment("student").build());
        customers.add(Customer.builder("new-2").build());
        return customers;
    }

    private static ModelLineage lineage(Dataset data) {
        return ModelLineage.of("test", Map.of(), data);
    }

    /** Saves a model with its lineage, checks what the store lists, and loads it back under the same version. */
    private <M extends Model> M savedAndLoaded(M model, ModelCodec<M> codec, Dataset data) throws IOException {
        ModelStore store = ModelStore.at(folder);
        StoredModel stored = store.save("content", model, codec, lineage(data));
        assertEquals(List.of(stored), store.list("content"));
        assertEquals(codec.type(), stored.type());
        assertEquals(data.name(), stored.lineage().datasetName());
        M loaded = store.load("content", model.version(), codec);
        assertEquals(model.version(), loaded.version());
        assertEquals(ModelVersion.of(loaded, codec), loaded.version(), "encodes alike");
        return loaded;
    }

    private static long[] naiveBayesScores(NaiveBayesModel model, Dataset data) {
        List<Long> bits = new ArrayList<>();
        for (Customer customer : customers(data)) {
            for (int p = 0; p < data.productCount(); p++) {
                int product = model.productIndex(data.product(p).id());
                bits.add(Double.doubleToRawLongBits(model.score(product, customer)));
                for (int f = 0; f < model.features().size(); f++) {
                    bits.add(Double.doubleToRawLongBits(model.logLikelihoodRatio(f, model.value(customer, f),
                            product)));
                }
            }
        }
        return bits.stream().mapToLong(Long::longValue).toArray();
    }

    @Test
    void aStoredNaiveBayesModelLoadsUnderItsVersionAndScoresBitIdentically() throws IOException {
        Dataset data = bank();
        NaiveBayesModel model = NaiveBayesModel.train(data, FEATURES, 1.0);
        assertTrue(ModelVersion.isVersion(model.version()), model.version());
        assertEquals(model.version(), NaiveBayesModel.train(bank(), FEATURES, 1.0).version(), "idempotent");
        assertNotEquals(model.version(), NaiveBayesModel.train(data, FEATURES, 0.5).version());
        assertNotEquals(model.version(), NaiveBayesModel.train(data, FEATURES.subList(0, 3), 1.0).version());

        NaiveBayesModel loaded = savedAndLoaded(model, NaiveBayesCodec.CODEC, data);
        assertEquals(model.features(), loaded.features());
        assertEquals(-1, loaded.productIndex("unknown"));
        long[] expected = naiveBayesScores(model, data);
        assertArrayEquals(expected, naiveBayesScores(loaded, data));
        assertTrue(model.value(data.customer(3), 2).orElseThrow().contains(" to ")
                || model.value(data.customer(3), 2).orElseThrow().contains("below")
                || model.value(data.customer(3), 2).orElseThrow().contains("or more"), "balance is binned");
        for (int p = 0; p < data.productCount(); p++) {
            assertEquals(model.hasEvidence(p), loaded.hasEvidence(p));
            assertEquals(model.holders(p), loaded.holders(p));
        }
    }

    /** Scores, and every term's key, meaning and weight, of every customer and product (and an unseen one). */
    private static List<Object> profileMatchAnswers(ProfileMatchModel model, Dataset data) {
        List<Product> products = new ArrayList<>();
        for (int p = 0; p < data.productCount(); p++) {
            products.add(data.product(p));
        }
        products.add(Product.builder("unseen").name("Unseen loan").category(ProductCategory.LOAN).termMonths(120)
                .annualRatePercent(11).build());
        List<Object> answers = new ArrayList<>();
        for (Customer customer : customers(data)) {
            ProfileFeatures.Profile profile = model.features().profile(customer);
            for (Product product : products) {
                answers.add(Double.doubleToRawLongBits(model.score(profile, product)));
                for (ProfileMatchModel.Term term : model.terms(profile, product)) {
                    answers.add(List.of(term.feature().key(), term.feature().meaning(),
                            Double.doubleToRawLongBits(term.weight())));
                }
            }
        }
        return answers;
    }

    @Test
    void aStoredProfileMatchModelLoadsUnderItsVersionAndScoresBitIdentically() throws IOException {
        Dataset data = bank();
        List<String> attributes = List.of("segment", "balance");
        ProfileMatchModel model = ProfileMatchModel.train(data, ProfileFeatures.fit(data, attributes), 1.0, 20_000);
        assertTrue(ModelVersion.isVersion(model.version()), model.version());
        assertEquals(model.version(), ProfileMatchModel.train(bank(), ProfileFeatures.fit(bank(), attributes), 1.0,
                20_000).version(), "idempotent");
        assertNotEquals(model.version(), ProfileMatchModel.train(data, ProfileFeatures.fit(data, attributes), 0.1,
                20_000).version());

        ProfileMatchModel loaded = savedAndLoaded(model, ProfileMatchCodec.CODEC, data);
        assertEquals(Double.doubleToRawLongBits(model.bias()), Double.doubleToRawLongBits(loaded.bias()));
        assertEquals(model.trainedPairs(), loaded.trainedPairs());
        List<Object> expected = profileMatchAnswers(model, data);
        assertTrue(expected.size() > 500, "answers: " + expected.size());
        assertEquals(expected, profileMatchAnswers(loaded, data));
    }

    @Test
    void aFileOfOneContentModelIsNotReadAsTheOther() throws IOException {
        Dataset data = bank();
        NaiveBayesModel model = NaiveBayesModel.train(data, FEATURES, 1.0);
        ModelStore store = ModelStore.at(folder);
        Path file = store.save("content", model, NaiveBayesCodec.CODEC, lineage(data)).file();
        ModelFileException e = assertThrows(ModelFileException.class,
                () -> store.load("content", model.version(), ProfileMatchCodec.CODEC));
        assertEquals(ModelFileException.Problem.MISMATCHED, e.problem());
        assertTrue(e.getMessage().startsWith(file.toString()) && e.getMessage().contains(
                "holds a model of type org.finrec.content.naive-bayes format 1, but type"
                        + " org.finrec.content.profile-match format 1 was asked for"), e.getMessage());
    }
}
