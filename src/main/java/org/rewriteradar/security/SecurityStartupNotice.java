package org.rewriteradar.security;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** Says at start how the HTTP API is protected, and loudly when it is not. */
@ApplicationScoped
public class SecurityStartupNotice {

    private static final Logger LOG = Logger.getLogger(SecurityStartupNotice.class);

    void onStart(
            @Observes StartupEvent event,
            SecurityConfig config,
            ApiKeyAuthenticationMechanism apiKeys,
            @ConfigProperty(name = "mp.jwt.verify.publickey.location") Optional<String> jwtKeyLocation,
            @ConfigProperty(name = "mp.jwt.verify.publickey") Optional<String> jwtKey) {
        if (!config.enabled()) {
            String line = "*".repeat(100);
            LOG.warn(line);
            LOG.warn("*** SECURITY IS OFF (radar.security.enabled=false): every HTTP request is treated as an admin.");
            LOG.warn("*** Anyone who can reach this port can publish articles and read everything. Local use only.");
            LOG.warn(line);
            return;
        }
        boolean jwt = jwtKeyLocation.isPresent() || jwtKey.isPresent();
        LOG.infof(
                "HTTP API security on: bearer JWTs %s, API keys %s",
                jwt ? "verified with the configured key" : "refused (no mp.jwt.verify.publickey[.location])",
                apiKeys.hasKeys() ? "accepted in header " + config.apiKeyHeader() : "not configured");
        if (!jwt && !apiKeys.hasKeys()) {
            LOG.warn("HTTP API security is on but neither a JWT key nor an API key is configured: every API request"
                    + " will be refused (401). See README, \"Security\".");
        }
    }
}
