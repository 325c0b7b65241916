package org.finrec.deploy.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(
        name = "Finrec deployment policy",
        description = "Which jars dropped into the deploy folder may be installed. A jar whose symbolic name is that "
                + "of a bundle the runtime provisioned (a core bundle) is refused unless the name is replaceable, so "
                + "that a copy cannot replace or, once removed, uninstall it; a jar whose symbolic name is not "
                + "allowed is refused; each refusal is logged as an error with the file and the reason")
@interface DeployPolicyConfiguration {

    @AttributeDefinition(
            name = "Allowed symbolic names",
            description = "Bundle-SymbolicName patterns ('*' matches any run of characters) a jar in the deploy "
                    + "folder must match, for example org.finrec.recommender.* and com.examplebank.*; '*' allows "
                    + "every name that is not a protected core bundle")
    String[] allowed_symbolic_names() default { "*" };

    @AttributeDefinition(
            name = "Replaceable symbolic names",
            description = "Patterns of provisioned bundles that a new version in the deploy folder may replace: "
                    + "the hot-swappable recommender families by default")
    String[] replaceable_symbolic_names() default { "org.finrec.recommender.*" };
}
