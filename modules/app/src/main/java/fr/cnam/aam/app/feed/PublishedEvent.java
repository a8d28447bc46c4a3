package fr.cnam.aam.app.feed;

import java.util.function.Function;

/**
 * An event type the feed publishes: its CloudEvents {@code type} (versioned: a change of shape is a new type,
 * never an edit), the module it comes from, the record carried as {@code data}, its subject and the caisse it
 * belongs to when the record names it ({@code null}: the caisse of the subject's contract).
 */
record PublishedEvent<T>(String type, String module, Class<T> payload, Function<T, String> subject,
                         Function<T, String> caisse, Function<T, String> contract) {

    static <T> PublishedEvent<T> of(String type, String module, Class<T> payload, Function<T, String> subject,
                                    Function<T, String> contract) {
        return new PublishedEvent<>(type, module, payload, subject, p -> null, contract);
    }

    PublishedEvent<T> withCaisse(Function<T, String> caisseOf) {
        return new PublishedEvent<>(type, module, payload, subject, caisseOf, contract);
    }

    String subjectOf(Object event) {
        return subject.apply(payload.cast(event));
    }

    String caisseOf(Object event) {
        return caisse.apply(payload.cast(event));
    }

    String contractOf(Object event) {
        return contract.apply(payload.cast(event));
    }
}
