package fr.cnam.aam.app.store;

import com.mongodb.WriteConcern;
import org.springframework.boot.autoconfigure.mongo.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * On a real MongoDB, a write is acknowledged only once a majority of the replica set has it in its journal: an
 * answer 2xx then survives the loss of the primary and a power cut. (The embedded server makes a write durable
 * before answering it by itself: see {@code SerializedWritesBackend}.)
 */
@Configuration(proxyBeanMethods = false)
@Conditional(MongoUriConfigured.class)
class DurableWritesOnMongoDb {

    @Bean
    MongoClientSettingsBuilderCustomizer majorityJournaledWrites() {
        return settings -> settings.writeConcern(WriteConcern.MAJORITY.withJournal(true));
    }
}
