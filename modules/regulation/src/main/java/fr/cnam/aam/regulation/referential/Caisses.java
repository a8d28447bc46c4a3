package fr.cnam.aam.regulation.referential;

import fr.cnam.aam.kernel.BusinessRuleViolation;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The caisses that sign and pay the aid, by code organisme: the shipped {@code referential/caisses.json}, plus
 * any {@code referential/caisses-extra.json} on the classpath — how a deployment adds the caisses of a
 * département that has several, or a test its own caisses ({@code codePattern}), without a release. Each entry
 * names its source. A code outside is refused: stored, it would be replayed in every list and dashboard.
 */
public final class Caisses {

    public static final String EXTRA = "caisses-extra.json";
    private static final Map<String, String> NAMES = new HashMap<>();
    private static final List<Pattern> PATTERNS = new ArrayList<>();

    static {
        add(ReferentialFile.shipped("caisses.json"));
        ReferentialFile.extras(EXTRA).forEach(Caisses::add);
    }

    private Caisses() {
    }

    public static boolean isCode(String code) {
        return code != null && code.length() <= 16
               && (NAMES.containsKey(code) || PATTERNS.stream().anyMatch(p -> p.matcher(code).matches()));
    }

    public static String nameOf(String code) {
        return NAMES.get(code);
    }

    /** @throws BusinessRuleViolation {@code CAISSE_REQUIRED} if none, {@code CAISSE_UNKNOWN} if not a caisse */
    public static void requireKnown(String code) {
        if (code == null || code.isBlank()) {
            throw new BusinessRuleViolation("CAISSE_REQUIRED", "the caisse code is required");
        }
        if (!isCode(code)) {
            throw new BusinessRuleViolation("CAISSE_UNKNOWN", "no caisse has the code organisme '"
                                            + abbreviated(code) + "' (referential/caisses.json)");
        }
    }

    private static String abbreviated(String code) {
        return code.length() <= 16 ? code : code.substring(0, 16) + "…";
    }

    private static void add(JsonNode file) {
        for (JsonNode caisse : file.get("caisses")) {
            if (!caisse.hasNonNull("source") && !file.hasNonNull("source")) {
                throw new IllegalStateException("a caisse of the referential lacks its source: " + caisse);
            }
            if (caisse.hasNonNull("codePattern")) {
                PATTERNS.add(Pattern.compile(caisse.get("codePattern").asText()));
            } else {
                NAMES.put(caisse.get("code").asText(), caisse.get("name").asText());
            }
        }
    }
}
