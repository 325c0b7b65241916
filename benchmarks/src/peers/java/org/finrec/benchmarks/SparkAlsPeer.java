package org.finrec.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.ml.recommendation.ALS;
import org.apache.spark.ml.recommendation.ALSModel;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Spark MLlib ALS (implicit preferences, Hu, Koren and Volinsky) in local mode. Training is {@code ALS.fit}; the
 * learnt user and item factors are then collected and a candidate's score is their dot product, which is what
 * {@code ALSModel.transform} and {@code recommendForAllUsers} compute, without a Spark job per request. Spark's own
 * batch top-10 for all users ({@code recommendForAllUsers(10)}, training items not excluded) is timed separately.
 */
final class SparkAlsPeer {

    private final float[][] users;
    private final float[][] items;
    private final double nativeRecommendationsPerSecond;

    private SparkAlsPeer(float[][] users, float[][] items, double nativeRecommendationsPerSecond) {
        this.users = users;
        this.items = items;
        this.nativeRecommendationsPerSecond = nativeRecommendationsPerSecond;
    }

    /**
     * Trains on the given positives.
     *
     * @param products each customer's distinct products
     * @param productCount number of products
     * @return the trained peer
     */
    static SparkAlsPeer train(int[][] products, int productCount) {
        SparkSession spark = SparkSession.builder().master("local[*]").appName("finrec-peers")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4").getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        try {
            List<Row> rows = new ArrayList<>();
            for (int c = 0; c < products.length; c++) {
                for (int p : products[c]) {
                    rows.add(RowFactory.create(c, p, 1.0f));
                }
            }
            StructType schema = new StructType().add("user", DataTypes.IntegerType).add("item", DataTypes.IntegerType)
                    .add("rating", DataTypes.FloatType);
            org.apache.spark.sql.Dataset<Row> ratings = spark.createDataFrame(rows, schema).cache();
            ratings.count();
            ALSModel model = new ALS().setImplicitPrefs(true).setRank(50).setMaxIter(15).setRegParam(0.1)
                    .setAlpha(1.0).setSeed(42).setUserCol("user").setItemCol("item").setRatingCol("rating")
                    .fit(ratings);
            float[][] users = factors(model.userFactors(), products.length);
            float[][] items = factors(model.itemFactors(), productCount);
            long started = System.nanoTime();
            long lists = model.recommendForAllUsers(10).count();
            double perSecond = lists / ((System.nanoTime() - started) / 1e9);
            return new SparkAlsPeer(users, items, perSecond);
        } finally {
            spark.stop();
        }
    }

    private static float[][] factors(org.apache.spark.sql.Dataset<Row> frame, int count) {
        float[][] result = new float[count][];
        for (Row row : frame.collectAsList()) {
            List<Object> values = row.getList(1);
            float[] vector = new float[values.size()];
            for (int i = 0; i < vector.length; i++) {
                vector[i] = ((Number) values.get(i)).floatValue();
            }
            result[row.getInt(0)] = vector;
        }
        return result;
    }

    double[] score(int customer, int[] products) {
        double[] scores = new double[products.length];
        float[] user = customer < users.length ? users[customer] : null;
        for (int i = 0; i < products.length; i++) {
            float[] item = items[products[i]];
            if (user == null || item == null) {
                scores[i] = Double.NaN;
                continue;
            }
            double sum = 0;
            for (int f = 0; f < user.length; f++) {
                sum += user[f] * item[f];
            }
            scores[i] = sum;
        }
        return scores;
    }

    String note() {
        return String.format(Locale.ROOT, "Spark's own recommendForAllUsers(10) (batch, training items not excluded): "
                + "%,.0f lists/s", nativeRecommendationsPerSecond);
    }
}
