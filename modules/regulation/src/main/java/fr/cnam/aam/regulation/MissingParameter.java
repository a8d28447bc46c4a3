package fr.cnam.aam.regulation;

/** A decision needs a value nobody published: the answer is "indeterminate", never a guess. */
public class MissingParameter extends RuntimeException {

    private final String parameter;

    public MissingParameter(String parameter, String why) {
        super("no value for " + parameter + (why == null ? "" : ": " + why));
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
