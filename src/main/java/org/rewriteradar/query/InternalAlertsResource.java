package org.rewriteradar.query;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.rewriteradar.security.Roles;
import org.rewriteradar.similarity.RewriteKind;

/**
 * Instance-to-instance endpoint of {@code GET /alerts}: the newest matching alerts of this instance's own
 * partitions of {@code rewrite-store} ({@link AlertQueryService#local}).
 */
@Path(InternalAlertsResource.PATH)
@RolesAllowed({Roles.READER, Roles.ADMIN})
public class InternalAlertsResource {

    static final String PATH = "/internal/alerts";

    @Inject
    AlertQueryService alerts;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Peers only: the newest matching alerts of this instance's partitions")
    public Response alerts(
            @QueryParam("max") int max,
            @QueryParam("kind") List<String> kinds,
            @QueryParam("source") String source,
            @QueryParam("since") String since,
            @QueryParam("until") String until) {
        try {
            Set<RewriteKind> k = EnumSet.noneOf(RewriteKind.class);
            kinds.forEach(s -> k.add(RewriteKind.valueOf(s)));
            AlertQuery query = new AlertQuery(
                    k,
                    source,
                    since == null ? null : Instant.parse(since),
                    until == null ? null : Instant.parse(until));
            return Response.ok(alerts.local(query, Math.max(1, max))).build();
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return Problems.of(Response.Status.BAD_REQUEST, "bad peer query: " + e.getMessage());
        } catch (QueryUnavailableException e) {
            return Problems.of(Response.Status.SERVICE_UNAVAILABLE, e.getMessage());
        }
    }
}
