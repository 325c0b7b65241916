package org.finrec.core.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(
        name = "Finrec risk and age suitability policy",
        description = "Never recommends a product whose risk class exceeds the customer's risk tolerance or whose "
                + "eligible ages exclude the customer")
@interface RiskAndAgePolicyConfiguration {

    @AttributeDefinition(
            name = "Highest risk class without assessment",
            description = "Highest product risk class (0-7) that may be offered to a customer without a risk "
                    + "assessment; 1 admits only products without market risk, 0 offers nothing without an "
                    + "assessment. A product without a risk class is never offered",
            min = "0", max = "7")
    int unassessed_max_risk_class() default 1;
}
