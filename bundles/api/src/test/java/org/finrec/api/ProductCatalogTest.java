package org.finrec.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProductCatalogTest {

    private static Product product(String id) {
        return Product.builder(id).build();
    }

    @Test
    void duplicateProductIdsAreRejectedNamingTheId() {
        List<Product> products = List.of(product("p1"), product("p2"), Product.builder("p1").name("Other").build());

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ProductCatalog.of(products));
        assertTrue(e.getMessage().contains("p1"), e.getMessage());
    }

    @Test
    void keepsTheGivenOrderAndLooksUpById() {
        Product a = product("a");
        Product c = product("c");
        Product b = product("b");
        ProductCatalog catalog = ProductCatalog.of(List.of(c, a, b));

        assertEquals(List.of(c, a, b), catalog.products());
        assertEquals(Optional.of(a), catalog.product("a"));
        assertEquals(Optional.empty(), catalog.product("z"));
    }

    @Test
    void isASnapshotUnaffectedByLaterChangesToTheSourceList() {
        List<Product> source = new ArrayList<>(List.of(product("a")));
        ProductCatalog catalog = ProductCatalog.of(source);

        source.add(product("b"));

        assertEquals(1, catalog.products().size());
        assertEquals(Optional.empty(), catalog.product("b"));
        assertThrows(UnsupportedOperationException.class, () -> catalog.products().add(product("c")));
    }
}
