package fr.cnam.aam.regulation;

/**
 * The regulatory texts, in the order they came. A later text keeps what the earlier ones said unless it changes
 * it (the règlement arbitral kept the 2016 convention and its avenants except where it changed them, S23), so a
 * parameter a version does not restate is read from the versions before it.
 */
public enum RegulatoryVersion {
    AV7_2019, RA_2023, CONV_2024
}
