package org.finrec.deploy.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DeployPolicyTest {

    private static final Set<String> PROVISIONED = Set.of("org.finrec.core", "org.apache.felix.scr",
            "org.finrec.recommender.popularity");

    private static DeployPolicy policy(List<String> allowed, List<String> replaceable) {
        return new DeployPolicy(new SymbolicNamePatterns(allowed), new SymbolicNamePatterns(replaceable));
    }

    @Test
    void patternsMatchWholeNamesWithStarsForAnyRun() {
        SymbolicNamePatterns patterns = new SymbolicNamePatterns(List.of("org.finrec.recommender.*", " com.bank ",
                "*.plugin", ""));

        assertTrue(patterns.matches("org.finrec.recommender.popularity"));
        assertTrue(patterns.matches("com.bank"));
        assertTrue(patterns.matches("acme.plugin"));
        assertFalse(patterns.matches("org.finrec.recommenderx"), "the dot is literal");
        assertFalse(patterns.matches("com.bank.extra"), "a whole-name match");
        assertFalse(patterns.matches("orgXfinrec.recommender.a"), "a dot is not a wildcard");
        assertEquals("org.finrec.recommender.*,com.bank,*.plugin", patterns.toString());
        assertTrue(new SymbolicNamePatterns(List.of("*")).matches("anything.at.all"));
        assertFalse(new SymbolicNamePatterns(List.of()).matches("anything"), "no pattern allows nothing");
    }

    @Test
    void aCopyOfACoreBundleIsRefusedWhileAReplaceableFamilyMayBeReplaced() {
        DeployPolicy policy = policy(List.of("*"), List.of("org.finrec.recommender.*"));

        Optional<String> core = policy.refusal("org.finrec.core", PROVISIONED);
        assertTrue(core.orElseThrow().contains("core bundle"), core.orElseThrow());
        assertTrue(policy.refusal("org.apache.felix.scr", PROVISIONED).isPresent());
        assertEquals(Optional.empty(), policy.refusal("org.finrec.recommender.popularity", PROVISIONED));
        assertEquals(Optional.empty(), policy.refusal("com.bank.rules", PROVISIONED));
    }

    @Test
    void aNameOutsideTheAllowListIsRefusedWithTheList() {
        DeployPolicy policy = policy(List.of("org.finrec.recommender.*", "com.bank.*"), List.of("org.finrec.recommender.*"));

        assertEquals(Optional.empty(), policy.refusal("com.bank.rules", PROVISIONED));
        String refusal = policy.refusal("com.attacker.tool", PROVISIONED).orElseThrow();
        assertTrue(refusal.contains("not an allowed symbolic name"), refusal);
        assertTrue(refusal.contains("org.finrec.recommender.*,com.bank.*"), refusal);
    }
}
