package fr.cnam.aam.app.axon;

import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What every message caused by another carries in its metadata (architecture.md: audit in every event): the
 * {@code principal} who acted (user or client id, {@code system} for the calendar), the agent's {@code caisse},
 * the {@code correlationId} of the request it all started from, and the {@code causationId} — the id of the message
 * whose handling produced it. Only identifiers the caisse already holds; nothing else about the person.
 */
public final class AuditMetaData implements CorrelationDataProvider {

    public static final String PRINCIPAL = "principal";
    public static final String CAISSE = "caisse";
    public static final String CORRELATION_ID = "correlationId";
    public static final String CAUSATION_ID = "causationId";
    static final List<String> CARRIED = List.of(PRINCIPAL, CAISSE, CORRELATION_ID);

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        Map<String, Object> data = new HashMap<>();
        for (String key : CARRIED) {
            Object value = message.getMetaData().get(key);
            if (value != null) {
                data.put(key, value);
            }
        }
        data.putIfAbsent(CORRELATION_ID, message.getIdentifier());
        data.put(CAUSATION_ID, message.getIdentifier());
        return data;
    }
}
