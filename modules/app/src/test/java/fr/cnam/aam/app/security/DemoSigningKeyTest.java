package fr.cnam.aam.app.security;

import com.nimbusds.jose.jwk.RSAKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Instances sharing a key file sign with one key, so each accepts the others' tokens; without a file, a new key. */
class DemoSigningKeyTest {

    @Test
    void instancesStartingTogetherOnOneFileShareOneKey(@TempDir Path keys) throws Exception {
        String file = keys.resolve("shared/demo-jwk.json").toString();
        List<CompletableFuture<RSAKey>> starts = IntStream.range(0, 8)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> DemoSigningKey.of(file))).toList();
        List<RSAKey> loaded = starts.stream().map(CompletableFuture::join).toList();
        assertThat(loaded).extracting(RSAKey::getKeyID).containsOnly(loaded.get(0).getKeyID());
        assertThat(loaded).extracting(k -> k.getModulus().toString()).containsOnly(loaded.get(0).getModulus()
                                                                                          .toString());
        assertThat(DemoSigningKey.of(file).getKeyID()).as("a restart").isEqualTo(loaded.get(0).getKeyID());
        assertThat(loaded.get(0).isPrivate()).isTrue();
        try (var left = Files.list(keys.resolve("shared"))) {
            assertThat(left).as("no temporary file left behind").hasSize(1);
        }
    }

    @Test
    void withoutAFileEachStartMakesItsOwnKeyAndAnUnreadableFileIsAnError(@TempDir Path keys) throws Exception {
        assertThat(DemoSigningKey.of(null).getKeyID()).isNotEqualTo(DemoSigningKey.of("").getKeyID());
        Path garbage = Files.writeString(keys.resolve("garbage.json"), "not a key");
        assertThatThrownBy(() -> DemoSigningKey.of(garbage.toString())).hasMessageContaining("not a JWK");
    }
}
