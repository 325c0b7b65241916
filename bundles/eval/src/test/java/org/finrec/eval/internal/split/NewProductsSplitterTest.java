package org.finrec.eval.internal.split;

import static org.finrec.eval.internal.split.TinyBank.assertConsistent;
import static org.finrec.eval.internal.split.TinyBank.describe;
import static org.finrec.eval.internal.split.TinyBank.holdingIds;
import static org.finrec.eval.internal.split.TinyBank.interactions;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.finrec.api.data.Dataset;
import org.finrec.eval.EvaluationCase;
import org.finrec.eval.Split;
import org.finrec.eval.Splitter;
import org.junit.jupiter.api.Test;

/** On {@link TinyBank#fiveCustomers()}, with B (1) and D (3) as the new products. */
class NewProductsSplitterTest {

    @Test
    void newProductsStayRankableButNobodyHoldsOrTouchesThem() {
        Dataset data = TinyBank.fiveCustomers();
        Split split = Splitter.newProducts(List.of("D", "B")).split(data);
        Dataset train = split.train();

        assertEquals("new products (B, D)", split.protocol());
        // every interaction with B or D is gone, whatever its kind: HOLD, CLICK, PURCHASE, VIEW, CLOSE
        assertEquals(List.of("c3 HOLD A @0", "c0 HOLD A @1", "c1 VIEW A @1", "c0 VIEW C @2", "c0 PURCHASE C @3"),
                interactions(train));
        assertEquals(Set.of("A", "C"), holdingIds(train, 0));
        assertEquals(Set.of(), holdingIds(train, 2));
        assertEquals(Set.of("A"), holdingIds(train, 3));
        assertEquals(Set.of(), holdingIds(train, 4));
        assertEquals(Set.of("A", "C"), train.customer(0).holdings());
        assertEquals(Set.of("A"), train.customer(3).holdings());
        assertEquals(Set.of(), train.customer(4).holdings());
        assertSame(data.customer(1), train.customer(1), "a customer holding neither is not copied");
        assertEquals(4, train.productCount());
        assertSame(data.product(3), train.product(3));
        assertEquals(1, train.productIndex("B"));
        assertConsistent(train);

        // c1 only viewed D: no case
        assertEquals(List.of(), split.validation());
        assertEquals(List.of("c0 [1] excl [0, 2]", "c2 [3] excl []", "c3 [3] excl [0]", "c4 [1] excl []"),
                describe(split.test()));
        assertEquals(Set.of("A", "C"), split.test().get(0).customer().holdings());
    }

    @Test
    void theOrderAndRepeatsOfTheIdsDoNotMatter() {
        Split first = Splitter.newProducts(List.of("D", "B")).split(TinyBank.fiveCustomers());
        Split other = Splitter.newProducts(Arrays.asList("B", "D", "B")).split(TinyBank.fiveCustomers());
        assertEquals(first.protocol(), other.protocol());
        assertEquals(interactions(first.train()), interactions(other.train()));
        assertEquals(describe(first.test()), describe(other.test()));
    }

    @Test
    void oneNewProductLeavesTheOthersAlone() {
        Split split = Splitter.newProducts(Set.of("A")).split(TinyBank.fiveCustomers());
        assertEquals("new products (A)", split.protocol());
        assertEquals(List.of("c3 HOLD D @0", "c0 HOLD B @1", "c0 VIEW C @2", "c2 PURCHASE D @2", "c0 PURCHASE C @3",
                "c4 VIEW B @3", "c0 CLICK B @4", "c1 VIEW D @4", "c2 VIEW D @5", "c3 CLOSE B @6"),
                interactions(split.train()));
        assertEquals(List.of("c0 [0] excl [1, 2]", "c3 [0] excl [3]"), describe(split.test()));
    }

    @Test
    void theViewNeverExposesANewProduct() {
        Split split = Splitter.newProducts(List.of("B", "D")).split(TinyBank.fiveCustomers());
        Dataset train = split.train();
        for (int c = 0; c < train.customerCount(); c++) {
            assertFalse(holdingIds(train, c).contains("B") || holdingIds(train, c).contains("D"));
            assertFalse(train.customer(c).holds("B") || train.customer(c).holds("D"));
        }
        for (int i = 0; i < train.interactionCount(); i++) {
            assertNotEquals(1, train.interactionProduct(i));
            assertNotEquals(3, train.interactionProduct(i));
        }
        for (EvaluationCase evaluationCase : split.test()) {
            assertFalse(evaluationCase.customer().holds("B") || evaluationCase.customer().holds("D"));
            assertArrayEquals(train.holdings(train.customerIndex(evaluationCase.customer().id())),
                    evaluationCase.excluded());
        }
    }

    @Test
    void rejectsUnknownAndMissingProducts() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> Splitter.newProducts(List.of("X", "B", "Y")).split(TinyBank.fiveCustomers()));
        assertEquals("new products unknown to dataset tiny: X, Y", unknown.getMessage());
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> Splitter.newProducts(List.of()));
        assertEquals("productIds must name at least one product", empty.getMessage());
        assertThrows(NullPointerException.class, () -> Splitter.newProducts(Arrays.asList("B", null)));
    }
}
