package fr.cnam.aam.app.admin;

/** What a retry did: sequences handled through (their events delivered and removed), and what is still parked. */
public record DeadLetterRetry(String processingGroup, int sequencesRetried, int sequencesHandled,
                              long deadLettersLeft) {
}
