package fr.cnam.aam.app.axon;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param nodeId            names this instance in token claims; must differ between instances (and between two
 *                          application contexts in one JVM), so it defaults to a random suffix
 * @param transactions      AUTO, ON or OFF: multi-document transactions for event appends
 * @param storageBatchSize  events fetched from the store per read
 * @param processorBatchSize events handled per processor transaction (token update)
 * @param segments          initial segment count of each streaming processor
 * @param aggregateCacheSize aggregates kept in memory between commands
 * @param tokenClaimIntervalMillis how often a processor looks for unclaimed segments (after a start, a reset, or
 *                          another instance stopping)
 * @param maxClaimedSegments at most this many segments per processor on this instance, so that several
 *                          instances share the work; the default takes whatever is free
 * @param handlerAttempts   how many times an event handler is tried before its event is dead-lettered
 * @param handlerRetryPauseMillis the pause after a handler's first failure (each next pause is four times longer)
 */
@ConfigurationProperties("aam.axon")
public record AxonProperties(
        String nodeId,
        @DefaultValue("AUTO") String transactions,
        @DefaultValue("500") int storageBatchSize,
        @DefaultValue("100") int processorBatchSize,
        @DefaultValue("4") int segments,
        @DefaultValue("10000") int aggregateCacheSize,
        @DefaultValue("1000") long tokenClaimIntervalMillis,
        @DefaultValue("32767") int maxClaimedSegments,
        @DefaultValue("3") int handlerAttempts,
        @DefaultValue("50") long handlerRetryPauseMillis) {
}
