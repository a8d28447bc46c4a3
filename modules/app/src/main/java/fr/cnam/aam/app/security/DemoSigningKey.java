package fr.cnam.aam.app.security;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.util.UUID;

/**
 * The demo server's signing key: made at start, or kept in a file so that the instances sharing it accept each
 * other's tokens (deploy/docker-compose.yml). The first instance writes it (create-new, readable by its owner only);
 * the others, and later starts, read it.
 */
final class DemoSigningKey {

    private DemoSigningKey() {
    }

    static RSAKey of(String keyFile) {
        if (keyFile == null || keyFile.isBlank()) {
            return generate();
        }
        Path path = Path.of(keyFile);
        try {
            if (!Files.exists(path)) {
                RSAKey made = generate();
                try {
                    Files.createDirectories(path.toAbsolutePath().getParent());
                    Path temporary = Files.createTempFile(path.toAbsolutePath().getParent(), "demo-key", ".tmp");
                    try {
                        Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
                    } catch (UnsupportedOperationException notPosix) {
                        // a file system without POSIX permissions: the directory's protect it
                    }
                    try {
                        Files.writeString(temporary, made.toJSONString(), StandardCharsets.UTF_8,
                                          StandardOpenOption.TRUNCATE_EXISTING);
                        // a link is created once or fails: of two instances starting together, one key wins
                        Files.createLink(path, temporary);
                        return made;
                    } finally {
                        Files.deleteIfExists(temporary);
                    }
                } catch (FileAlreadyExistsException anotherWasFirst) {
                    // read the one that won below
                }
            }
            return JWK.parse(Files.readString(path, StandardCharsets.UTF_8)).toRSAKey();
        } catch (IOException e) {
            throw new UncheckedIOException("demo signing key " + path, e);
        } catch (ParseException e) {
            throw new IllegalStateException("demo signing key " + path + " is not a JWK", e);
        }
    }

    private static RSAKey generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            return new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                                                                       .keyID(UUID.randomUUID().toString()).build();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
