package fr.cnam.aam.regulation;

/**
 * A decision needs a value nobody published: the answer is "indeterminate", never a guess. It is an expected
 * outcome, not a fault, so it carries no stack trace (filling one made an indeterminate answer 10× slower).
 */
public class MissingParameter extends RuntimeException {

    private final String parameter;

    public MissingParameter(String parameter, String why) {
        super("no value for " + parameter + (why == null ? "" : ": " + why), null, false, false);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
