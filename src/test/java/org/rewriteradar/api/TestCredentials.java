package org.rewriteradar.api;

import io.smallrye.jwt.build.Jwt;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.rewriteradar.security.ApiKeys;

/**
 * Real credentials for the HTTP tests: an RSA key pair made here, its public key written to a file for the
 * service ({@code mp.jwt.verify.publickey.location}), tokens signed with its private key (or with a stranger's
 * key, for the wrong-signature case), and API keys configured by their SHA-256 only.
 */
public final class TestCredentials {

    public static final String ISSUER = "https://issuer.rewrite-radar.test";
    // Kept in system properties, so that every class loader of the JVM (Quarkus loads test profiles and test
    // resources in loaders of their own) signs and configures with the same keys.
    public static final String INGEST_KEY =
            shared("rewrite-radar-test.ingest-key", () -> "ingest-key-" + UUID.randomUUID());
    public static final String READER_KEY =
            shared("rewrite-radar-test.reader-key", () -> "reader-key-" + UUID.randomUUID());
    public static final String ADMIN_KEY =
            shared("rewrite-radar-test.admin-key", () -> "admin-key-" + UUID.randomUUID());

    private static final KeyPair SERVICE_KEYS = sharedRsa("rewrite-radar-test.jwt-keys");
    private static final KeyPair STRANGER_KEYS = rsa();
    private static final Path PUBLIC_KEY = writePublicKey();

    private TestCredentials() {}

    /** What the service needs to accept these credentials. */
    public static Map<String, String> serviceProperties() {
        return Map.of(
                // the key itself (as MP_JWT_VERIFY_PUBLICKEY from a Secret): in test mode SmallRye JWT makes an
                // in-memory key of its own unless this property is set
                "mp.jwt.verify.publickey",
                publicKeyPem(),
                "mp.jwt.verify.issuer",
                ISSUER,
                "radar.security.enabled",
                "true",
                "radar.security.api-keys",
                apiKeysSpec());
    }

    /** The value of {@code radar.security.api-keys} (RADAR_SECURITY_API_KEYS) for the test keys: hashes only. */
    public static String apiKeysSpec() {
        return "feeds:" + ApiKeys.hashOf(INGEST_KEY) + ":ingest,desk:" + ApiKeys.hashOf(READER_KEY) + ":reader,ops:"
                + ApiKeys.hashOf(ADMIN_KEY) + ":admin";
    }

    /** The public key, PEM, as a Secret would hold it (MP_JWT_VERIFY_PUBLICKEY). */
    public static String publicKeyPem() {
        try {
            return Files.readString(PUBLIC_KEY);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A valid token with these roles, for a subject of its own (a rate-limit client of its own). */
    public static String token(String... roles) {
        return tokenFor("user-" + UUID.randomUUID(), roles);
    }

    /** A valid token for {@code subject}, valid for an hour. */
    public static String tokenFor(String subject, String... roles) {
        return Jwt.issuer(ISSUER)
                .upn(subject)
                .groups(Set.of(roles))
                .expiresAt(Instant.now().plusSeconds(3600))
                .sign(SERVICE_KEYS.getPrivate());
    }

    public static String expiredToken(String... roles) {
        return Jwt.issuer(ISSUER)
                .upn("late-" + UUID.randomUUID())
                .groups(Set.of(roles))
                .issuedAt(Instant.now().minusSeconds(7200))
                .expiresAt(Instant.now().minusSeconds(3600))
                .sign(SERVICE_KEYS.getPrivate());
    }

    public static String wrongIssuerToken(String... roles) {
        return Jwt.issuer("https://someone-else.test")
                .upn("stranger")
                .groups(Set.of(roles))
                .expiresAt(Instant.now().plusSeconds(3600))
                .sign(SERVICE_KEYS.getPrivate());
    }

    public static String wrongSignatureToken(String... roles) {
        return Jwt.issuer(ISSUER)
                .upn("forger")
                .groups(Set.of(roles))
                .expiresAt(Instant.now().plusSeconds(3600))
                .sign(STRANGER_KEYS.getPrivate());
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }

    private static String shared(String property, java.util.function.Supplier<String> make) {
        synchronized (System.getProperties()) {
            String value = System.getProperty(property);
            if (value == null) {
                value = make.get();
                System.setProperty(property, value);
            }
            return value;
        }
    }

    private static KeyPair sharedRsa(String property) {
        String encoded = shared(property, () -> {
            KeyPair pair = rsa();
            return Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()) + ":"
                    + Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
        });
        try {
            String[] parts = encoded.split(":");
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            return new KeyPair(
                    rsa.generatePublic(
                            new X509EncodedKeySpec(Base64.getDecoder().decode(parts[1]))),
                    rsa.generatePrivate(
                            new PKCS8EncodedKeySpec(Base64.getDecoder().decode(parts[0]))));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path writePublicKey() {
        try {
            Path file = Files.createTempFile("radar-test-jwt-", ".pem");
            file.toFile().deleteOnExit();
            String pem = "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(SERVICE_KEYS.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n";
            Files.writeString(file, pem);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
