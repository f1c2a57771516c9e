package org.rewriteradar.api;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.rewriteradar.query.Problems;

/**
 * Problem bodies ({@code application/problem+json}) for what the framework refuses: no or bad credentials
 * (401, with {@code WWW-Authenticate}), a role missing (403), an unknown path (404), a wrong method (405) or
 * media type (415). Authentication is lazy ({@code quarkus.http.auth.proactive=false}) so that failures reach
 * these mappers.
 */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response unauthenticated(AuthenticationFailedException e) {
        return unauthorized("the credentials are not valid (expired, wrong issuer or signature, or unknown key)");
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return unauthorized("credentials are required: a bearer token (Authorization) or an API key");
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Problems.of(Response.Status.FORBIDDEN, "the credentials do not grant a role this needs");
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return Problems.of(Response.Status.NOT_FOUND, "no such resource");
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e) {
        return Problems.of(Response.Status.METHOD_NOT_ALLOWED, "method not allowed here");
    }

    @ServerExceptionMapper
    public Response unsupported(NotSupportedException e) {
        return Problems.of(
                Response.Status.UNSUPPORTED_MEDIA_TYPE,
                "send application/json (an article or an array) or application/x-ndjson");
    }

    private static Response unauthorized(String detail) {
        return Problems.builder(401, "Unauthorized", detail, Map.of())
                .header("WWW-Authenticate", "Bearer")
                .build();
    }
}
