package fr.cnam.aam.regulation;

/** Why a decision came out as it did, citing the parameter, its source and how sure we are of it. */
public record Reason(String code, String message, String parameter, String source, Confidence confidence) {

    static Reason of(String code, String message, Resolved cited) {
        return new Reason(code, message, cited.parameter(), cited.source(), cited.confidence());
    }

    static Reason missing(MissingParameter missing) {
        return new Reason("PARAMETER_MISSING", missing.getMessage(), missing.parameter(), null, null);
    }
}
