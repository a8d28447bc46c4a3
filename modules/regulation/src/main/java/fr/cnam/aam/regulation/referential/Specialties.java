package fr.cnam.aam.regulation.referential;

import fr.cnam.aam.kernel.BusinessRuleViolation;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashSet;
import java.util.Set;

/** The specialties a doctor can declare ({@code referential/specialties.json}); eligibility is the rulebook's. */
public final class Specialties {

    private static final Set<String> CODES = read();

    private Specialties() {
    }

    public static boolean isCode(String code) {
        return code != null && CODES.contains(code);
    }

    public static Set<String> codes() {
        return CODES;
    }

    /** @throws BusinessRuleViolation {@code SPECIALTY_UNKNOWN} if not a specialty of the referential */
    public static void requireKnown(String code) {
        if (!isCode(code)) {
            throw new BusinessRuleViolation("SPECIALTY_UNKNOWN", "unknown specialty '"
                    + (code == null || code.length() <= 40 ? code : code.substring(0, 40) + "…")
                    + "': one of referential/specialties.json");
        }
    }

    private static Set<String> read() {
        Set<String> codes = new LinkedHashSet<>();
        ReferentialFile.shipped("specialties.json").get("specialties").forEach(s -> codes.add(s.asText()));
        return Set.copyOf(codes);
    }
}
