package org.finrec.data.internal.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.finrec.api.Product;
import org.finrec.api.ProductCategory;
import org.finrec.data.SantanderCatalog;
import org.junit.jupiter.api.Test;

class SantanderProductsTest {

    /** The 24 ownership columns of Kaggle's train_ver2.csv, in file order. */
    private static final List<String> KAGGLE_COLUMNS = List.of("ind_ahor_fin_ult1", "ind_aval_fin_ult1",
            "ind_cco_fin_ult1", "ind_cder_fin_ult1", "ind_cno_fin_ult1", "ind_ctju_fin_ult1", "ind_ctma_fin_ult1",
            "ind_ctop_fin_ult1", "ind_ctpp_fin_ult1", "ind_deco_fin_ult1", "ind_deme_fin_ult1", "ind_dela_fin_ult1",
            "ind_ecue_fin_ult1", "ind_fond_fin_ult1", "ind_hip_fin_ult1", "ind_plan_fin_ult1", "ind_pres_fin_ult1",
            "ind_reca_fin_ult1", "ind_tjcr_fin_ult1", "ind_valo_fin_ult1", "ind_viv_fin_ult1", "ind_nomina_ult1",
            "ind_nom_pens_ult1", "ind_recibo_ult1");

    @Test
    void allTwentyFourParseInKaggleColumnOrder() {
        assertEquals(24, SantanderProducts.PRODUCTS.size());
        assertEquals(KAGGLE_COLUMNS, SantanderProducts.COLUMNS);
        for (int i = 0; i < KAGGLE_COLUMNS.size(); i++) {
            assertEquals(i, SantanderProducts.indexOfColumn(KAGGLE_COLUMNS.get(i)));
            String id = SantanderProducts.PRODUCTS.get(i).id();
            assertTrue(KAGGLE_COLUMNS.get(i).contains(id), id + " belongs to " + KAGGLE_COLUMNS.get(i));
        }
        assertEquals(-1, SantanderProducts.indexOfColumn("ncodpers"));
        assertEquals(-1, SantanderProducts.indexOfColumn(null));
        assertEquals(SantanderProducts.PRODUCTS, SantanderCatalog.products());
        assertEquals(2, SantanderCatalog.indexOfColumn("ind_cco_fin_ult1"));
    }

    @Test
    void everyProductIsDescribedInSeveralSentencesAndIdsAndNamesAreUnique() {
        var ids = new HashSet<String>();
        var names = new HashSet<String>();
        for (Product product : SantanderProducts.PRODUCTS) {
            assertTrue(ids.add(product.id()), "unique id " + product.id());
            assertTrue(names.add(product.name()), "unique name " + product.name());
            assertTrue(!product.name().equals(product.id()), product.id() + " has a real name");
            String description = product.description();
            long sentences = description.chars().filter(c -> c == '.').count();
            assertTrue(description.length() >= 150 && sentences >= 3,
                    product.id() + " needs a description of several sentences: " + description);
            assertTrue(!description.contains(product.id()), product.id() + " is described in words, not by code");
        }
    }

    @Test
    void typesTheProductsSensibly() {
        Product mortgage = SantanderProducts.PRODUCTS.get(SantanderProducts.indexOfColumn("ind_hip_fin_ult1"));
        assertEquals(ProductCategory.MORTGAGE, mortgage.category());
        assertEquals(300, mortgage.termMonths().getAsInt());
        Product junior = SantanderProducts.PRODUCTS.get(SantanderProducts.indexOfColumn("ind_ctju_fin_ult1"));
        assertEquals(17, junior.eligibleAges().maxAge());
        Product derivatives = SantanderProducts.PRODUCTS.get(SantanderProducts.indexOfColumn("ind_cder_fin_ult1"));
        assertTrue(derivatives.riskClass().getAsInt() >= 5);
    }

    @Test
    void rejectsAMalformedCatalogueNamingTheLine() {
        String csv = "id,column,name,category,risk_class,term_months,annual_rate_percent,complexity,min_age,max_age,"
                + "description\n"
                + "a,ind_a,A,ACCOUNT,1,,,SIMPLE,18,130,Fine.\n"
                + "b,ind_b,B,SPACESHIP,1,,,SIMPLE,18,130,Not fine.\n";
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> SantanderProducts.read(new StringReader(csv), new ArrayList<>(), new ArrayList<>()));
        assertTrue(e.getMessage().contains(":3:"), e.getMessage());
    }
}
