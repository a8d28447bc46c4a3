package fr.cnam.aam.app.store;

import com.mongodb.client.MongoClient;
import org.bson.Document;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;
import org.springframework.stereotype.Component;

/**
 * Replaces Spring Boot's MongoDB health check, which sends {@code hello}: the embedded server does not know that
 * command, while {@code ping} works on every server.
 */
@Component("mongoHealthIndicator")
class MongoPingHealthIndicator extends AbstractHealthIndicator {

    private final MongoClient client;
    private final String database;

    MongoPingHealthIndicator(MongoClient client, MongoProperties properties) {
        this.client = client;
        this.database = properties.getMongoClientDatabase();
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Document answer = client.getDatabase(database).runCommand(new Document("ping", 1));
        builder.up().withDetail("database", database).withDetail("ping", answer.get("ok"));
    }
}
