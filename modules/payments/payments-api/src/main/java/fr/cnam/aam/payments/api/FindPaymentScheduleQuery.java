package fr.cnam.aam.payments.api;

public record FindPaymentScheduleQuery(String contractId) {
}
