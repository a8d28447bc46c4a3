package fr.cnam.aam.payments.core.web;

import java.time.LocalDate;

/** The payment system's answer: status "paid" or "rejected" (any case), with its reference or the reason. */
record OrderAnswerRequest(String status, LocalDate answeredOn, String reference, String reason) {
}
