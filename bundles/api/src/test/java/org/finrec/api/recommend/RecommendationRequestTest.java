package org.finrec.api.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.finrec.api.Customer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RecommendationRequestTest {

    private static final Customer CUSTOMER = Customer.builder("c1").build();

    @ParameterizedTest
    @ValueSource(ints = {0, -1})
    void kBelowOneIsRejectedNamingTheRequest(int k) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RecommendationRequest.builder(CUSTOMER).requestId("r-9").k(k).build());
        assertTrue(e.getMessage().contains("r-9"), e.getMessage());
    }

    @Test
    void kOfOneIsAccepted() {
        assertEquals(1, RecommendationRequest.builder(CUSTOMER).k(1).build().k());
    }

    @Test
    void blankRequestIdIsRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> RecommendationRequest.builder(CUSTOMER).requestId(" ").build());
    }

    @Test
    void nullCustomerIsRejected() {
        assertThrows(NullPointerException.class, () -> RecommendationRequest.builder(null).build());
    }

    @Test
    void builderDefaultsToFiveEverythingAndARandomId() {
        RecommendationRequest first = RecommendationRequest.builder(CUSTOMER).build();
        RecommendationRequest second = RecommendationRequest.builder(CUSTOMER).build();

        assertEquals(5, first.k());
        assertEquals(RequestContext.EMPTY, first.context());
        assertTrue(first.candidateProductIds().isEmpty());
        assertTrue(first.excludedProductIds().isEmpty());
        assertTrue(first.recentEvents().isEmpty());
        assertNotEquals(first.requestId(), second.requestId());
    }

    @Test
    void candidatesAndExclusionsAreCollected() {
        RecommendationRequest request = RecommendationRequest.builder(CUSTOMER).candidates(List.of("a", "b"))
                .exclude("b", "c").build();

        assertEquals(Set.of("a", "b"), request.candidateProductIds());
        assertEquals(Set.of("b", "c"), request.excludedProductIds());
    }
}
