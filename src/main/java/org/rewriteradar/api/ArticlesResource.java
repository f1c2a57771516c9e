package org.rewriteradar.api;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.rewriteradar.config.RadarConfig;
import org.rewriteradar.query.ArticleQueryService;
import org.rewriteradar.query.Problems;
import org.rewriteradar.query.QueryUnavailableException;
import org.rewriteradar.security.ApiKeyAuthenticationMechanism;
import org.rewriteradar.security.Roles;
import org.rewriteradar.security.SecurityConfig;
import org.rewriteradar.streams.ArticleValidator;

/**
 * {@code /articles}: publishing articles ({@code POST}) and reading one article, its versions and its rewrites
 * ({@code GET /articles/{id}}, {@code GET /articles/{id}/rewrites}) from any instance: from its own stores or
 * by asking the owning instance ({@link ArticleQueryService}); 404 when no instance holds it, 503 while the
 * owner cannot be asked (rebalancing, down, or not answering within {@code radar.query.remote-timeout}).
 */
@Path("/articles")
public class ArticlesResource {

    @Inject
    ArticleQueryService queries;

    @Inject
    ArticlePublisher publisher;

    @Inject
    IngestRateLimiter rateLimiter;

    @Inject
    ApiConfig api;

    @Inject
    SecurityConfig security;

    @Inject
    SecurityIdentity identity;

    @Inject
    MeterRegistry registry;

    private final ArticleValidator validator;

    @Inject
    public ArticlesResource(RadarConfig config) {
        RadarConfig.Validation v = config.validation();
        this.validator = new ArticleValidator(
                v.maxBodyBytes(), v.maxRecordBytes(), v.maxIdBytes(), v.maxFieldBytes(), v.maxFutureSkew());
    }

    @POST
    @Consumes({MediaType.APPLICATION_JSON, IngestBatch.NDJSON})
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.INGEST, Roles.ADMIN})
    @Operation(
            summary = "Publish articles: one JSON object, a JSON array of them, or NDJSON (one per line)",
            description = "Validated with the topology's rules (README, Events); all or none are published. Answers"
                    + " once the broker has acknowledged every record.")
    @APIResponse(responseCode = "202", description = "Published: the ids, in order")
    @APIResponse(responseCode = "400", description = "An article is invalid: the errors name article and field")
    @APIResponse(responseCode = "413", description = "Body, article count, an article body or record too large")
    @APIResponse(responseCode = "429", description = "Rate limit of this client; see Retry-After")
    @APIResponse(responseCode = "503", description = "The broker did not acknowledge in time")
    public Response publish(byte[] body, @Context HttpHeaders headers, @Context HttpServerRequest request) {
        Optional<Duration> wait = rateLimiter.tryAcquire(client(request));
        if (wait.isPresent()) {
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            return Problems.builder(
                            429,
                            "Too Many Requests",
                            "rate limit of " + api.ingest().rateLimitCapacity() + " requests per "
                                    + api.ingest().rateLimitPeriod() + " reached; retry in " + seconds + " s",
                            Map.of())
                    .header("Retry-After", Long.toString(seconds))
                    .build();
        }
        if (body == null || body.length == 0) {
            return refused(400, "the request has no body", Map.of());
        }
        if (body.length > api.ingest().maxRequestBytes()) {
            return refused(
                    413,
                    "the request has " + body.length + " bytes, more than the limit of "
                            + api.ingest().maxRequestBytes(),
                    Map.of());
        }
        MediaType type = headers.getMediaType();
        boolean ndjson = type != null && type.isCompatible(MediaType.valueOf(IngestBatch.NDJSON));
        IngestBatch.Parsed parsed = IngestBatch.parse(body, ndjson, validator, Instant.now());
        if (!parsed.errors().isEmpty()) {
            boolean tooLarge = parsed.errors().stream().allMatch(IngestBatch.Error::tooLarge);
            return refused(
                    tooLarge ? 413 : 400,
                    parsed.errors().size() + " article(s) refused, nothing published; first: "
                            + parsed.errors().get(0).detail(),
                    Map.of("errors", parsed.errors()));
        }
        if (parsed.articles().size() > api.ingest().maxArticles()) {
            return refused(
                    413,
                    "the request holds " + parsed.articles().size() + " articles, more than the limit of "
                            + api.ingest().maxArticles(),
                    Map.of());
        }
        return publish(parsed.articles());
    }

    private Response publish(List<IngestBatch.Valid> articles) {
        List<CompletableFuture<Void>> sends = new ArrayList<>();
        for (IngestBatch.Valid a : articles) {
            sends.add(publisher.publish(a.id(), a.value()));
        }
        long deadline = System.nanoTime() + api.ingest().publishTimeout().toNanos();
        List<String> published = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        String firstFailure = null;
        for (int i = 0; i < sends.size(); i++) {
            try {
                sends.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                published.add(articles.get(i).id());
            } catch (ExecutionException | TimeoutException e) {
                failed.add(articles.get(i).id());
                if (firstFailure == null) {
                    Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
                    firstFailure = cause == null ? e.toString() : cause.toString();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failed.add(articles.get(i).id());
            }
        }
        registry.counter("radar.api.articles", "outcome", "published").increment(published.size());
        if (!failed.isEmpty()) {
            registry.counter("radar.api.articles", "outcome", "unpublished").increment(failed.size());
            Map<String, Object> ext = new LinkedHashMap<>();
            ext.put("published", published);
            ext.put("failed", failed);
            return Problems.builder(
                            503,
                            "Service Unavailable",
                            "the broker did not acknowledge " + failed.size() + " of " + articles.size()
                                    + " article(s) within " + api.ingest().publishTimeout() + " (" + firstFailure
                                    + "); send the failed ones again",
                            ext)
                    .header("Retry-After", "5")
                    .build();
        }
        return Response.accepted(new IngestReceipt(published.size(), published)).build();
    }

    private Response refused(int status, String detail, Map<String, ?> ext) {
        registry.counter("radar.api.requests.refused", "status", Integer.toString(status))
                .increment();
        return Problems.of(status, status == 413 ? "Content Too Large" : "Bad Request", detail, ext);
    }

    /** The rate-limit client: the authenticated principal, or the peer address while security is off. */
    private String client(HttpServerRequest request) {
        String name = identity.isAnonymous() ? null : identity.getPrincipal().getName();
        if (name == null || ApiKeyAuthenticationMechanism.SECURITY_OFF_PRINCIPAL.equals(name)) {
            return "address:" + request.remoteAddress().hostAddress();
        }
        return name;
    }

    /**
     * What a {@code POST /articles} published.
     *
     * @param accepted how many articles
     * @param ids their ids, in the order sent
     */
    public record IngestReceipt(int accepted, List<String> ids) {}

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.READER, Roles.ADMIN})
    @Operation(summary = "An article: latest version, version history, fingerprint summary and rewrites")
    @APIResponse(responseCode = "200", description = "Found (servedBy names the instance whose stores answered)")
    @APIResponse(responseCode = "404", description = "No instance holds it")
    @APIResponse(responseCode = "503", description = "The owner is rebalancing, down or did not answer in time")
    public Response article(
            @PathParam("id") String id, @QueryParam("text") boolean text, @Context HttpHeaders headers) {
        try {
            return queries.article(id, Credentials.forward(headers, security, text))
                    .map(view -> Response.ok(view).build())
                    .orElseGet(() -> Problems.of(Response.Status.NOT_FOUND, "no article " + id));
        } catch (QueryUnavailableException e) {
            return Problems.of(Response.Status.SERVICE_UNAVAILABLE, e.getMessage());
        }
    }

    @GET
    @Path("{id}/rewrites")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.READER, Roles.ADMIN})
    @Operation(summary = "What the article rewrote (asRewrite) and what rewrote it (asOriginal)")
    public Response rewrites(@PathParam("id") String id, @Context HttpHeaders headers) {
        try {
            return queries.article(id, Credentials.forward(headers, security, false))
                    .map(view -> Response.ok(new Rewrites(
                                    view.article().id(),
                                    view.rewrites().asRewrite(),
                                    view.rewrites().asOriginal(),
                                    view.servedBy()))
                            .build())
                    .orElseGet(() -> Problems.of(Response.Status.NOT_FOUND, "no article " + id));
        } catch (QueryUnavailableException e) {
            return Problems.of(Response.Status.SERVICE_UNAVAILABLE, e.getMessage());
        }
    }

    /**
     * The rewrites of one article.
     *
     * @param id the article
     * @param rewrote alerts where it is the rewrite: what it rewrote
     * @param rewrittenBy alerts where it is the original: what rewrote it
     * @param servedBy the instance whose stores answered
     */
    public record Rewrites(
            String id,
            List<org.rewriteradar.model.RewriteAlert> rewrote,
            List<org.rewriteradar.model.RewriteAlert> rewrittenBy,
            String servedBy) {}
}
