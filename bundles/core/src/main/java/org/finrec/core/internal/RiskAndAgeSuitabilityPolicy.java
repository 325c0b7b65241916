package org.finrec.core.internal;

import java.util.Map;
import org.finrec.api.AgeRange;
import org.finrec.api.config.ConfigurationReader;
import org.finrec.api.config.InvalidConfigurationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.finrec.api.Customer;
import org.finrec.api.Product;
import org.finrec.api.recommend.Reason;
import org.finrec.api.recommend.ReasonCodes;
import org.finrec.api.recommend.RequestContext;
import org.finrec.api.spi.SuitabilityDecision;
import org.finrec.api.spi.SuitabilityPolicy;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The default suitability policy. It fails closed on missing data: a product without a risk class is blocked
 * for every customer ({@link ReasonCodes#RISK_CLASS_UNKNOWN}). Blocks a product when its risk class exceeds
 * the customer's risk tolerance,
 * when the customer has no risk assessment and the product's risk class exceeds the configured ceiling for
 * unassessed customers, when the customer's age is outside the product's eligible ages, or when the age is
 * unknown and the product is age-restricted. Everything else is allowed with a reason that says why it is
 * suitable.
 */
@Component(service = SuitabilityPolicy.class, configurationPid = RiskAndAgeSuitabilityPolicy.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL,
        property = SuitabilityPolicy.NAME + "=" + RiskAndAgeSuitabilityPolicy.NAME)
@Designate(ocd = RiskAndAgePolicyConfiguration.class)
public final class RiskAndAgeSuitabilityPolicy implements SuitabilityPolicy {

    static final String PID = "org.finrec.core.suitability.riskandage";
    static final String NAME = "risk-and-age";

    private static final Logger LOG = LoggerFactory.getLogger(RiskAndAgeSuitabilityPolicy.class);
    private static final String UNASSESSED_MAX_RISK_CLASS = "unassessed.max.risk.class";

    private volatile int unassessedMaxRiskClass;

    /**
     * @throws InvalidConfigurationException naming the PID, the property and the value of a bad setting
     */
    @Activate
    public RiskAndAgeSuitabilityPolicy(Map<String, Object> properties) {
        this.unassessedMaxRiskClass = unassessedMaxRiskClass(properties);
    }

    /**
     * Applies a configuration change in place, so that the policy never leaves the facade (which would then refuse
     * every request); a bad setting is refused with its PID and property, and the previous one keeps applying.
     */
    @Modified
    void modified(Map<String, Object> properties) {
        try {
            unassessedMaxRiskClass = unassessedMaxRiskClass(properties);
        } catch (InvalidConfigurationException refused) {
            LOG.error("{}; the risk-and-age policy keeps {}={}", refused.getMessage(), UNASSESSED_MAX_RISK_CLASS,
                    unassessedMaxRiskClass);
        }
    }

    private static int unassessedMaxRiskClass(Map<String, Object> properties) {
        return ConfigurationReader.of(PID, properties).integer(UNASSESSED_MAX_RISK_CLASS, 1, 0, 7);
    }

    @Override
    public SuitabilityDecision assess(Customer customer, Product product, RequestContext context) {
        AgeRange ages = product.eligibleAges();
        if (customer.age().isPresent()) {
            int age = customer.age().getAsInt();
            if (!ages.contains(age)) {
                return SuitabilityDecision.block(Reason.of(ReasonCodes.AGE_NOT_ELIGIBLE, product.name()
                        + " is offered to ages " + ages + "; the customer is " + age + "."));
            }
        } else if (!ages.isUnrestricted()) {
            return SuitabilityDecision.block(Reason.of(ReasonCodes.AGE_UNKNOWN, product.name()
                    + " is offered to ages " + ages + " only and the customer's age is unknown."));
        }
        if (product.riskClass().isEmpty()) {
            return SuitabilityDecision.block(Reason.of(ReasonCodes.RISK_CLASS_UNKNOWN, product.name()
                    + " has no risk class in the catalogue, so it is offered to nobody."));
        }
        int risk = product.riskClass().getAsInt();
        if (customer.riskTolerance().isEmpty()) {
            if (risk > unassessedMaxRiskClass) {
                return SuitabilityDecision.block(Reason.of(ReasonCodes.RISK_TOLERANCE_UNKNOWN, product.name()
                        + " has risk class " + risk + " and the customer has no risk assessment (at most "
                        + unassessedMaxRiskClass + " without one)."));
            }
            return SuitabilityDecision.allow(Reason.of(ReasonCodes.SUITABLE, product.name() + " has risk class "
                    + risk + ", suitable without a risk assessment."));
        }
        int tolerance = customer.riskTolerance().getAsInt();
        if (risk > tolerance) {
            return SuitabilityDecision.block(Reason.of(ReasonCodes.RISK_ABOVE_TOLERANCE, product.name()
                    + " has risk class " + risk + ", above the customer's risk tolerance of " + tolerance + "."));
        }
        return SuitabilityDecision.allow(Reason.of(ReasonCodes.SUITABLE, product.name() + " has risk class " + risk
                + ", within the customer's risk tolerance of " + tolerance + "."));
    }
}
