package fr.cnam.aam.regulation;

/**
 * The regulatory texts, in the order they came, each for a kind of contract. A later individual text keeps what
 * the earlier ones said unless it changes it (the règlement arbitral kept the 2016 convention and its avenants
 * except where it changed them, S23), so a parameter a version does not restate is read from the individual
 * versions before it. The collective aid of 2026 (S38) is another contract, signed by a group: it inherits nothing
 * from the individual versions, and they nothing from it.
 */
public enum RegulatoryVersion {
    AV7_2019(Kind.INDIVIDUAL), RA_2023(Kind.INDIVIDUAL), CONV_2024(Kind.INDIVIDUAL),
    COLLECTIVE_2026(Kind.COLLECTIVE);

    /** Who signs: one doctor, or a group's company for its member doctors. */
    public enum Kind { INDIVIDUAL, COLLECTIVE }

    private final Kind kind;

    RegulatoryVersion(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** Whether a value stated under {@code earlier} holds under this version when this one does not restate it. */
    public boolean inheritsFrom(RegulatoryVersion earlier) {
        return earlier.kind == kind && earlier.compareTo(this) <= 0;
    }
}
