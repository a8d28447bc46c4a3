package fr.cnam.aam.kernel;

/**
 * A command that would break a business or regulatory rule; {@code rule} is a stable code that clients can act on.
 */
public class BusinessRuleViolation extends RuntimeException {

    private final String rule;

    public BusinessRuleViolation(String rule, String message) {
        super(message);
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }
}
