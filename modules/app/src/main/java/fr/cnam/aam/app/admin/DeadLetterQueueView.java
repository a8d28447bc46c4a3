package fr.cnam.aam.app.admin;

import java.util.List;

/** A processing group's dead-letter queue: how many events, in how many held sequences, and the events. */
public record DeadLetterQueueView(String processingGroup, long deadLetters, long sequences,
                                  List<DeadLetterView> letters) {
}
