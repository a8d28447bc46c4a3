package fr.cnam.aam.app.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import fr.cnam.aam.eventstore.EmbeddedMongoServer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Path;

/**
 * With no MongoDB configured, start one in-process and point the whole app at it. Spring Boot's own
 * {@code MongoClient} steps back when this one exists.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoMongoUriConfigured.class)
class EmbeddedStoreConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedMongoServer embeddedMongoServer(StoreProperties properties) {
        EmbeddedMongoServer server = switch (properties.backend()) {
            case "memory" -> EmbeddedMongoServer.inMemory();
            case "file" -> EmbeddedMongoServer.persistent(Path.of(properties.directory()), properties.durability(),
                                                          properties.commitDelayMillis());
            default -> throw new IllegalArgumentException(
                    "aam.store.embedded.backend must be 'file' or 'memory', not '" + properties.backend() + "'");
        };
        return server.start(properties.host(), properties.port());
    }

    @Bean(destroyMethod = "close")
    MongoClient mongoClient(EmbeddedMongoServer server) {
        return MongoClients.create(server.connectionString());
    }
}
