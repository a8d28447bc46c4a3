package fr.cnam.aam.contracting.api;

/** The share of a full-time assistant the aid is for (codes fixed by the simulation contract). */
public enum AidOption {
    ONE_THIRD_TIME, HALF_TIME, FULL_TIME, ONE_AND_HALF_TIME, TWO_FULL_TIME;

    public static boolean isCode(String code) {
        for (AidOption option : values()) {
            if (option.name().equals(code)) {
                return true;
            }
        }
        return false;
    }
}
