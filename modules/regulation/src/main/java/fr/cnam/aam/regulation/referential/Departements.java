package fr.cnam.aam.regulation.referential;

import fr.cnam.aam.kernel.BusinessRuleViolation;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;

/** The départements where the aid is signed ({@code referential/departements.json}, from INSEE's COG). */
public final class Departements {

    private static final Map<String, String> NAMES = read();

    private Departements() {
    }

    public static boolean isCode(String code) {
        return code != null && NAMES.containsKey(code);
    }

    public static String nameOf(String code) {
        return NAMES.get(code);
    }

    /** @throws BusinessRuleViolation {@code DEPARTEMENT_INVALID} if not a département of the referential */
    public static void requireKnown(String code) {
        if (!isCode(code)) {
            throw new BusinessRuleViolation("DEPARTEMENT_INVALID", "département must be a French département code "
                    + "(01–19, 2A, 2B, 21–95, 971–974, 976); got '"
                    + (code == null || code.length() <= 8 ? code : code.substring(0, 8) + "…") + "'");
        }
    }

    private static Map<String, String> read() {
        Map<String, String> names = new LinkedHashMap<>();
        for (JsonNode departement : ReferentialFile.shipped("departements.json").get("departements")) {
            names.put(departement.get("code").asText(), departement.get("name").asText());
        }
        return Map.copyOf(names);
    }
}
