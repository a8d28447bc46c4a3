package fr.cnam.aam.regulation.referential;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The share of a full-time assistant (ETP) each aid option finances ({@code referential/options.json}): what a
 * dashboard counts assistants in. An option the file does not know counts for nothing rather than for a guess.
 */
public final class AidOptionShares {

    /** An option's share: {@code numerator / denominator} ETP, and its French label. */
    public record Share(String code, String label, int numerator, int denominator) {

        public double fte() {
            return (double) numerator / denominator;
        }
    }

    private static final Map<String, Share> SHARES = read();

    private AidOptionShares() {
    }

    /** The ETP the option finances, 0 for an unknown option. */
    public static double fteOf(String option) {
        Share share = option == null ? null : SHARES.get(option);
        return share == null ? 0 : share.fte();
    }

    public static Map<String, Share> all() {
        return SHARES;
    }

    private static Map<String, Share> read() {
        Map<String, Share> shares = new LinkedHashMap<>();
        for (JsonNode option : ReferentialFile.shipped("options.json").get("options")) {
            int denominator = option.get("fteDenominator").asInt();
            if (denominator <= 0) {
                throw new IllegalStateException("referential/options.json: " + option.get("code").asText()
                                                + " has no positive denominator");
            }
            shares.put(option.get("code").asText(), new Share(option.get("code").asText(),
                    option.get("label").asText(), option.get("fteNumerator").asInt(), denominator));
        }
        return Map.copyOf(shares);
    }
}
