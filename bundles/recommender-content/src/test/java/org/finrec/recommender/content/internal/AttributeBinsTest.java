package org.finrec.recommender.content.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.finrec.api.Customer;
import org.finrec.api.Product;
import org.finrec.api.data.Dataset;
import org.junit.jupiter.api.Test;

class AttributeBinsTest {

    /** 100 customers: rate 0.00 .. 0.99 (100 values), calls 1..5, and a job. */
    private static Dataset customers() {
        List<Customer> customers = new ArrayList<>();
        for (int c = 0; c < 100; c++) {
            customers.add(Customer.builder("c" + c).attribute("rate", String.valueOf(c / 100.0))
                    .attribute("calls", String.valueOf(1 + c % 5)).attribute("job", c % 2 == 0 ? "admin" : "retired")
                    .build());
        }
        return Dataset.of("bins", customers, List.of(Product.builder("p").build()), List.of());
    }

    @Test
    void manyNumbersFallIntoTenEqualBinsAndFewNumbersOrTextKeepTheirValue() {
        AttributeBins bins = AttributeBins.fit(customers(), List.of("rate", "calls", "job"));

        assertEquals(Optional.of("below 0.1"), bins.value(customer("rate", "0.05"), "rate"));
        assertEquals(Optional.of("0.1 to 0.2"), bins.value(customer("rate", "0.1"), "rate"));
        assertEquals(Optional.of("0.9 or more"), bins.value(customer("rate", "7"), "rate"));
        assertEquals(Optional.of("3"), bins.value(customer("calls", "3"), "calls"));
        assertEquals(Optional.of("admin"), bins.value(customer("job", "admin"), "job"));
        assertEquals(Optional.of("n/a"), bins.value(customer("rate", "n/a"), "rate"), "text stays a category");
        assertEquals(Optional.empty(), bins.value(Customer.builder("x").build(), "rate"));
        Dataset data = customers();
        long distinct = IntStream.range(0, data.customerCount())
                .mapToObj(c -> bins.value(data.customer(c), "rate").orElseThrow()).distinct().count();
        assertEquals(10, distinct);
    }

    private static Customer customer(String attribute, String value) {
        return Customer.builder("x").attribute(attribute, value).build();
    }
}
