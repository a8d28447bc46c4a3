package fr.cnam.aam.eventstore;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedServerEventStorageEngineTest extends EventStorageEngineContract {

    private static EmbeddedMongoServer server;
    private static MongoClient client;

    @BeforeAll
    static void start() {
        server = EmbeddedMongoServer.inMemory().start("127.0.0.1", 0);
        client = MongoClients.create(server.connectionString());
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    @Override
    protected MongoClient client() {
        return client;
    }

    @Test
    void theEmbeddedServerHasNoTransactionsSoAppendsCompensate() {
        assertThat(engine.isTransactional()).isFalse();
    }
}
