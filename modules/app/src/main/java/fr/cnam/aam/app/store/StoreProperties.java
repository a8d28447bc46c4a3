package fr.cnam.aam.app.store;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded MongoDB wire-protocol server used when no {@code spring.data.mongodb.uri} is set.
 *
 * @param backend              {@code file} (H2 MVStore under {@code directory}, kept across restarts) or
 *                             {@code memory}
 * @param directory            where the file backend keeps its data
 * @param host                 the address it listens on
 * @param port                 0 picks a free port
 * @param durability           when the file backend answers a write: {@code SYNC} (default) once it is on the disk,
 *                             {@code WRITE} once it is in the file (survives a killed process, not a power loss),
 *                             {@code DELAYED} before (a background commit every {@code commitDelayMillis}: a killed
 *                             process loses what was answered since; only for comparison in the benchmarks)
 * @param commitDelayMillis    with {@code DELAYED} durability, how often the background writer commits
 */
@ConfigurationProperties("aam.store.embedded")
public record StoreProperties(
        @DefaultValue("file") String backend,
        @DefaultValue("./data") String directory,
        @DefaultValue("127.0.0.1") String host,
        @DefaultValue("0") int port,
        @DefaultValue("SYNC") fr.cnam.aam.eventstore.Durability durability,
        @DefaultValue("200") int commitDelayMillis) {
}
