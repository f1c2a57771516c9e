package org.rewriteradar.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.rewriteradar.query.AlertPage;
import org.rewriteradar.query.AlertQuery;
import org.rewriteradar.query.AlertQueryService;
import org.rewriteradar.query.Problems;
import org.rewriteradar.query.QueryUnavailableException;
import org.rewriteradar.security.Roles;
import org.rewriteradar.security.SecurityConfig;
import org.rewriteradar.similarity.RewriteKind;
import org.rewriteradar.streams.JsonSerdes;

/**
 * {@code /alerts}: recent alerts from the stores of every instance ({@code GET /alerts}), and the live feed as
 * Server-Sent Events ({@code GET /alerts/stream}), both with the filters {@code kind} (repeatable or
 * comma-separated), {@code source} (either article's, any case), {@code since} and {@code until} (ISO-8601
 * instants, on {@code detectedAt}).
 */
@Path("/alerts")
@RolesAllowed({Roles.READER, Roles.ADMIN})
public class AlertsResource {

    @Inject
    AlertQueryService alerts;

    @Inject
    AlertFeed feed;

    @Inject
    ApiConfig api;

    @Inject
    SecurityConfig security;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Recent alerts, newest first, from every instance's stores")
    @APIResponse(responseCode = "200", description = "A page; more tells whether another follows")
    @APIResponse(responseCode = "400", description = "A parameter is invalid (named in detail)")
    @APIResponse(responseCode = "503", description = "A partition has no running owner, or an owner did not answer")
    public Response recent(
            @QueryParam("kind") List<String> kinds,
            @QueryParam("source") String source,
            @QueryParam("since") String since,
            @QueryParam("until") String until,
            @QueryParam("offset") @DefaultValue("0") String offset,
            @QueryParam("limit") @DefaultValue("50") String limit,
            @Context HttpHeaders headers) {
        AlertQuery query = query(kinds, source, since, until);
        int from = intParam("offset", offset, 0, api.alerts().maxOffset());
        int size = intParam("limit", limit, 1, api.alerts().maxPageSize());
        try {
            AlertPage page = alerts.page(query, from, size, Credentials.forward(headers, security, false));
            return Response.ok(page).build();
        } catch (QueryUnavailableException e) {
            return Problems.of(Response.Status.SERVICE_UNAVAILABLE, e.getMessage());
        }
    }

    @GET
    @Path("stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(
            summary = "Live alerts as Server-Sent Events (event 'alert', id partition-offset, data the alert JSON)",
            description = "Resumes after Last-Event-ID from the instance's buffer. Browsers: read it with fetch()"
                    + " and a bearer header (EventSource cannot send one); README, Security.")
    public void stream(
            @Parameter(description = "kinds, repeatable or comma-separated") @QueryParam("kind") List<String> kinds,
            @QueryParam("source") String source,
            @QueryParam("since") String since,
            @QueryParam("until") String until,
            @HeaderParam("Last-Event-ID") String lastEventId,
            @Context SseEventSink sink,
            @Context Sse sse) {
        AlertQuery query = query(kinds, source, since, until);
        AtomicReference<Runnable> unsubscribe = new AtomicReference<>();
        sink.send(sse.newEventBuilder().comment("rewrite-radar alerts").build());
        unsubscribe.set(feed.subscribe(lastEventId, event -> {
            if (sink.isClosed()) {
                Runnable u = unsubscribe.get();
                if (u != null) {
                    u.run();
                }
                return;
            }
            if (!query.matches(event.alert())) {
                return;
            }
            OutboundSseEvent out;
            try {
                out = sse.newEventBuilder()
                        .id(event.id())
                        .name("alert")
                        .data(JsonSerdes.MAPPER.writeValueAsString(event.alert()))
                        .build();
            } catch (JsonProcessingException e) {
                return;
            }
            sink.send(out).exceptionally(failure -> {
                Runnable u = unsubscribe.get();
                if (u != null) {
                    u.run();
                }
                return null;
            });
        }));
    }

    private static AlertQuery query(List<String> kinds, String source, String since, String until) {
        Set<RewriteKind> k = EnumSet.noneOf(RewriteKind.class);
        for (String param : kinds) {
            for (String s : param.split(",")) {
                if (s.isBlank()) {
                    continue;
                }
                try {
                    k.add(RewriteKind.valueOf(s.trim()));
                } catch (IllegalArgumentException e) {
                    throw bad("parameter 'kind': " + s.trim() + " is not one of " + List.of(RewriteKind.values()));
                }
            }
        }
        return new AlertQuery(
                k,
                source == null || source.isBlank() ? null : source,
                instant("since", since),
                instant("until", until));
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw bad("parameter '" + name + "' is not an ISO-8601 instant (e.g. 2026-12-03T10:00:00Z): " + value);
        }
    }

    private static int intParam(String name, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw bad("parameter '" + name + "' must be an integer from " + min + " to " + max + ": " + value);
    }

    private static WebApplicationException bad(String detail) {
        return new WebApplicationException(Problems.of(Response.Status.BAD_REQUEST, detail));
    }
}
