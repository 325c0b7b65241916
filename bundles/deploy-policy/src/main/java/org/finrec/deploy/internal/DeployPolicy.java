package org.finrec.deploy.internal;

import java.util.Optional;
import java.util.Set;

/**
 * Judges a bundle's symbolic name for installation from the deploy folder: a name that a bundle the runtime
 * provisioned already carries (a core bundle) is refused unless it is replaceable, and a name that is not allowed
 * is refused.
 *
 * @param allowed the names a deployed bundle may carry
 * @param replaceable the provisioned bundles that a deployed version may replace
 */
record DeployPolicy(SymbolicNamePatterns allowed, SymbolicNamePatterns replaceable) {

    /**
     * @param symbolicName the jar's Bundle-SymbolicName
     * @param provisioned the symbolic names of the bundles installed from anywhere but the deploy folder
     * @return why the jar must not be installed, or empty when it may be
     */
    Optional<String> refusal(String symbolicName, Set<String> provisioned) {
        if (provisioned.contains(symbolicName) && !replaceable.matches(symbolicName)) {
            return Optional.of(symbolicName + " is a core bundle of this runtime: a copy in the deploy folder may not"
                    + " replace it (replaceable.symbolic.names is " + replaceable + "); upgrade the distribution"
                    + " instead");
        }
        if (!allowed.matches(symbolicName)) {
            return Optional.of(symbolicName + " is not an allowed symbolic name (allowed.symbolic.names is " + allowed
                    + ")");
        }
        return Optional.empty();
    }
}
