package org.rewriteradar.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;

/**
 * API keys in a request header ({@link SecurityConfig#apiKeyHeader()}). A request without the header is left
 * to the other mechanisms (SmallRye JWT's bearer tokens); a key that matches no entry fails authentication.
 * With security off ({@link SecurityConfig#enabled()} false) every request gets an identity with all roles.
 */
@ApplicationScoped
@Priority(2000)
public class ApiKeyAuthenticationMechanism implements HttpAuthenticationMechanism {

    /** The principal of every request while security is off. */
    public static final String SECURITY_OFF_PRINCIPAL = "anonymous-security-off";

    private final SecurityConfig config;
    private final ApiKeys keys;

    public ApiKeyAuthenticationMechanism(SecurityConfig config) {
        this.config = config;
        this.keys = ApiKeys.parse(config.apiKeys().orElse(List.of()));
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        if (!config.enabled()) {
            return Uni.createFrom()
                    .item(QuarkusSecurityIdentity.builder()
                            .setPrincipal(new QuarkusPrincipal(SECURITY_OFF_PRINCIPAL))
                            .addRoles(Set.of(Roles.INGEST, Roles.READER, Roles.ADMIN))
                            .build());
        }
        String presented = context.request().getHeader(config.apiKeyHeader());
        if (presented == null) {
            return Uni.createFrom().nullItem();
        }
        return keys.find(presented.trim())
                .<Uni<SecurityIdentity>>map(entry -> Uni.createFrom()
                        .item(QuarkusSecurityIdentity.builder()
                                .setPrincipal(new QuarkusPrincipal("api-key:" + entry.name()))
                                .addRoles(entry.roles())
                                .build()))
                .orElseGet(
                        () -> Uni.createFrom().failure(new AuthenticationFailedException("the API key is not valid")));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Bearer"));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of();
    }

    /** Whether any API key is configured. */
    public boolean hasKeys() {
        return !keys.isEmpty();
    }
}
