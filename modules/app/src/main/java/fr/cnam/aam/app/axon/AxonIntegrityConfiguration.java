package fr.cnam.aam.app.axon;

import org.axonframework.commandhandling.DuplicateCommandHandlerResolver;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventhandling.deadletter.MongoSequencedDeadLetterQueue;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;

/**
 * What makes an event handler's effect never dropped (ADR 0006): commands sent by handlers commit before the
 * token moves ({@link OwnUnitOfWorkCommandBus}); a failing handler is tried again ({@link RetriedEventHandlers}),
 * then its event is parked in a dead-letter queue in MongoDB with its aggregate's later events held behind it,
 * listed and retried through {@code /api/v1/admin/dead-letters}; a handler's failure is never only logged.
 */
@Configuration(proxyBeanMethods = false)
class AxonIntegrityConfiguration {

    static final int MAX_PARKED_SEQUENCES = 1_000_000;
    static final int MAX_PARKED_PER_SEQUENCE = 100_000;

    @Bean
    @Primary
    @Qualifier("localSegment")
    SimpleCommandBus commandBus(TransactionManager transactionManager,
                                org.axonframework.config.Configuration configuration,
                                DuplicateCommandHandlerResolver duplicateCommandHandlerResolver) {
        SimpleCommandBus bus = new OwnUnitOfWorkCommandBus(
                SimpleCommandBus.builder()
                                .transactionManager(transactionManager)
                                .duplicateCommandHandlerResolver(duplicateCommandHandlerResolver)
                                .messageMonitor(configuration.messageMonitor(SimpleCommandBus.class, "commandBus")));
        bus.registerHandlerInterceptor(new CorrelationDataInterceptor<>(configuration.correlationDataProviders()));
        bus.registerDispatchInterceptor(new RequestOrigin());
        return bus;
    }

    /** Replaces Axon's MessageOriginProvider: its "correlationId" is the parent message, ours the request. */
    @Bean
    AuditMetaData auditMetaData() {
        return new AuditMetaData();
    }

    @Bean
    RetriedEventHandlers retriedEventHandlers(AxonProperties properties) {
        return new RetriedEventHandlers(properties.handlerAttempts(), properties.handlerRetryPauseMillis());
    }

    @Bean
    ConfigurerModule deadLetterQueues(ListableBeanFactory beans, MongoTemplate axonMongoTemplate,
                                      Serializer serializer) {
        Set<String> groups = processingGroups(beans);
        return configurer -> configurer.eventProcessing(processing -> {
            processing.registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance());
            processing.registerDeadLetterQueueProvider(group -> c -> MongoSequencedDeadLetterQueue
                    .<org.axonframework.eventhandling.EventMessage<?>>builder()
                    .processingGroup(group)
                    .mongoTemplate(axonMongoTemplate)
                    .serializer(serializer)
                    .transactionManager(NoTransactionManager.INSTANCE)
                    .claimDuration(Duration.ofMinutes(1))
                    // a full queue would stop the whole group (overflow fails every batch): room for any outage
                    .maxSequences(MAX_PARKED_SEQUENCES)
                    .maxSequenceSize(MAX_PARKED_PER_SEQUENCE)
                    .build());
            for (String group : groups) {
                // the cache spares a lookup in the queue for every event while a segment's sequences are not
                // parked; a reset (a projection rebuilt) empties the group's queue, its events being handled anew
                processing.registerDeadLetteringEventHandlerInvokerConfiguration(
                        group, (c, builder) -> builder.enableSequenceIdentifierCache().allowReset(true));
            }
        });
    }

    private static Set<String> processingGroups(ListableBeanFactory beans) {
        Set<String> groups = new TreeSet<>();
        for (String name : beans.getBeanNamesForAnnotation(ProcessingGroup.class)) {
            ProcessingGroup group = beans.findAnnotationOnBean(name, ProcessingGroup.class);
            if (group != null) {
                groups.add(group.value());
            }
        }
        return groups;
    }
}
