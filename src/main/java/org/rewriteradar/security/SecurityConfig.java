package org.rewriteradar.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/**
 * Security of the HTTP API, under {@code radar.security.} (environment: {@code RADAR_SECURITY_...}). Bearer
 * JWTs are SmallRye JWT's, configured with its own {@code mp.jwt.verify.*} settings (README, "Security").
 */
@ConfigMapping(prefix = "radar.security")
public interface SecurityConfig {

    /**
     * Whether the API checks credentials. Off, every request is treated as an {@code admin} and the service
     * says so at start, loudly; only the local embedded run ({@code ./mvnw -Plocal}) turns it off.
     */
    @WithDefault("true")
    boolean enabled();

    /**
     * The API keys, each {@code name:sha256:roles}: a name for logs and rate limits, the SHA-256 of the key in
     * hexadecimal (the key itself is never stored), and its roles joined by {@code +}, e.g. {@code
     * feeds:9f86d0…:ingest} or {@code desk:…:reader+ingest}. From a Secret through {@code RADAR_SECURITY_API_KEYS},
     * entries separated by commas. None by default: then only JWTs are accepted.
     */
    Optional<List<String>> apiKeys();

    /** The request header that carries an API key. */
    @WithDefault("X-API-Key")
    String apiKeyHeader();
}
