package fr.cnam.aam.payments.api;

public enum OrderOutcome {
    PAID, REJECTED
}
