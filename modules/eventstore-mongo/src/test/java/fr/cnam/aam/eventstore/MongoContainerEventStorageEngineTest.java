package fr.cnam.aam.eventstore;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.MongoDBContainer;

import static org.assertj.core.api.Assertions.assertThat;

/** The same contract on a real MongoDB 7 single-node replica set, wherever a Docker engine answers. */
class MongoContainerEventStorageEngineTest extends EventStorageEngineContract {

    private static MongoDBContainer mongo;
    private static MongoClient client;

    @BeforeAll
    static void start() {
        boolean docker = DockerClientFactory.instance().isDockerAvailable();
        if (!docker) {
            System.out.println("SKIPPED MongoContainerEventStorageEngineTest: no Docker engine on this machine, "
                               + "so the mongo:7 contract run is skipped (the embedded-server run still ran).");
        }
        Assumptions.assumeTrue(docker, "no Docker engine: mongo:7 contract run skipped");
        mongo = new MongoDBContainer("mongo:7");
        mongo.start();
        client = MongoClients.create(mongo.getReplicaSetUrl());
    }

    @AfterAll
    static void stop() {
        if (client != null) {
            client.close();
        }
        if (mongo != null) {
            mongo.stop();
        }
    }

    @Override
    protected MongoClient client() {
        return client;
    }

    @Test
    void aReplicaSetGivesTransactionalAppends() {
        assertThat(engine.isTransactional()).isTrue();
    }
}
