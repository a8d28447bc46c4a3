package fr.cnam.aam.app.axon;

import com.mongodb.client.MongoClient;
import fr.cnam.aam.eventstore.MongoGlobalSequenceEventStorageEngine;
import fr.cnam.aam.eventstore.TransactionMode;
import org.axonframework.common.caching.Cache;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventhandling.saga.repository.MongoSagaStore;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.lang.management.ManagementFactory;
import java.util.UUID;

/**
 * Axon on MongoDB: our global-sequence event store, axon-mongo's token and saga stores, pooled streaming
 * processors for every processing group, and a bounded aggregate cache.
 */
@Configuration(proxyBeanMethods = false)
class AxonInfrastructureConfiguration {

    @Bean
    MongoGlobalSequenceEventStorageEngine eventStorageEngine(MongoClient client,
                                                             MongoProperties mongo,
                                                             AxonProperties properties,
                                                             Serializer defaultSerializer,
                                                             @Qualifier("eventSerializer") Serializer eventSerializer,
                                                             org.axonframework.config.Configuration configuration) {
        MongoGlobalSequenceEventStorageEngine engine = MongoGlobalSequenceEventStorageEngine.builder()
                .client(client)
                .databaseName(mongo.getMongoClientDatabase())
                .transactions(TransactionMode.valueOf(properties.transactions()))
                .eventSerializer(eventSerializer)
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .batchSize(properties.storageBatchSize())
                .build();
        engine.ensureIndexes();
        return engine;
    }

    @Bean
    MongoTemplate axonMongoTemplate(MongoClient client, MongoProperties mongo) {
        return DefaultMongoTemplate.builder().mongoDatabase(client, mongo.getMongoClientDatabase()).build();
    }

    @Bean
    TokenStore tokenStore(MongoTemplate axonMongoTemplate, Serializer serializer, AxonProperties properties) {
        return MongoTokenStore.builder()
                              .mongoTemplate(axonMongoTemplate)
                              .serializer(serializer)
                              .nodeId(nodeId(properties))
                              .build();
    }

    @Bean
    SagaStore<Object> sagaStore(MongoTemplate axonMongoTemplate, Serializer serializer) {
        return MongoSagaStore.builder().mongoTemplate(axonMongoTemplate).serializer(serializer).build();
    }

    @Bean
    Cache aggregateCache(AxonProperties properties) {
        return new BoundedAggregateCache(properties.aggregateCacheSize());
    }

    @Bean
    ConfigurerModule streamingProcessors(AxonProperties properties) {
        return configurer -> configurer.eventProcessing(processing -> processing
                .usingPooledStreamingEventProcessors()
                .registerPooledStreamingEventProcessorConfiguration(
                        (config, builder) -> builder.batchSize(properties.processorBatchSize())
                                                    .initialSegmentCount(properties.segments())
                                                    .tokenClaimInterval(properties.tokenClaimIntervalMillis())
                                                    .maxClaimedSegments(properties.maxClaimedSegments())));
    }

    private static String nodeId(AxonProperties properties) {
        if (properties.nodeId() != null && !properties.nodeId().isBlank()) {
            return properties.nodeId();
        }
        return ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }
}
