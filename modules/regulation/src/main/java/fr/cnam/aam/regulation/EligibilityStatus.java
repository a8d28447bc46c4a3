package fr.cnam.aam.regulation;

public enum EligibilityStatus {
    ELIGIBLE, NOT_ELIGIBLE, INDETERMINATE
}
