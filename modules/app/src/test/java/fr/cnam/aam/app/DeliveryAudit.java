package fr.cnam.aam.app;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;

/**
 * Test-only event handler that records every delivery it gets, keyed by event identifier, and every second
 * delivery of one event. Registered only where a test adds it as a source, so that the app's own processors stay
 * as they are.
 */
@ProcessingGroup("delivery-audit")
class DeliveryAudit {

    static final String DELIVERIES = "audit_deliveries";
    static final String DUPLICATES = "audit_duplicates";

    private final MongoClient client;
    private final String database;
    private final String node;

    DeliveryAudit(MongoClient client, @Value("${spring.data.mongodb.database}") String database,
                  @Value("${aam.axon.node-id}") String node) {
        this.client = client;
        this.database = database;
        this.node = node;
    }

    @EventHandler
    void on(Object payload, EventMessage<?> message) {
        try {
            client.getDatabase(database).getCollection(DELIVERIES)
                  .insertOne(new Document("_id", message.getIdentifier()).append("node", node));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            client.getDatabase(database).getCollection(DUPLICATES)
                  .insertOne(new Document("eventId", message.getIdentifier()).append("node", node));
        }
    }
}
