package fr.cnam.aam.kernel;

import java.util.UUID;

/**
 * Aggregate identifiers carry their aggregate type as a prefix ("Contract:…"): Axon's event store keys streams
 * by identifier and sequence only, so two aggregate types must never share an identifier.
 */
public final class TypedId {

    private static final String SAFE = "[A-Za-z0-9._-]{1,64}";

    private TypedId() {
    }

    public static String newId(String type) {
        return type + ":" + UUID.randomUUID();
    }

    /** Whether {@code id} is typed {@code type} ("Type:suffix"); false for null. */
    public static boolean isOf(String type, String id) {
        return id != null && id.startsWith(type + ":");
    }

    /** Accepts "Type:suffix" or a bare suffix, and returns "Type:suffix"; rejects anything else. */
    public static String of(String type, String value) {
        if (value == null || value.isBlank()) {
            throw new BusinessRuleViolation("ID_INVALID", type + " identifier is missing");
        }
        String suffix = value.startsWith(type + ":") ? value.substring(type.length() + 1) : value;
        if (!suffix.matches(SAFE)) {
            throw new BusinessRuleViolation("ID_INVALID",
                    type + " identifier must be 1 to 64 letters, digits, '.', '_' or '-'; got '" + value + "'");
        }
        return type + ":" + suffix;
    }
}
