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
 * @param commitDelayMillis    the file backend writes to disk at least this often; bounds what a hard crash loses
 */
@ConfigurationProperties("aam.store.embedded")
public record StoreProperties(
        @DefaultValue("file") String backend,
        @DefaultValue("./data") String directory,
        @DefaultValue("127.0.0.1") String host,
        @DefaultValue("0") int port,
        @DefaultValue("200") int commitDelayMillis) {
}
