package org.rewriteradar.query;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The public interactive query: {@code GET /articles/{id}} answers from any instance, for any article, from
 * its own stores or by asking the instance that owns the id ({@link ArticleQueryService#article}); 404 when
 * no instance holds it, 503 when the owner cannot be asked (rebalancing, or it does not answer). This is
 * what the client-facing Service and the ingress serve; {@link InternalArticleResource} is for peers.
 */
@Path(ArticleResource.PATH)
public class ArticleResource {

    static final String PATH = "/articles";

    @Inject
    ArticleQueryService queries;

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response article(@PathParam("id") String id) {
        try {
            return queries.article(id)
                    .map(view -> Response.ok(view).build())
                    .orElseGet(() -> Problems.of(Response.Status.NOT_FOUND, "no article " + id));
        } catch (QueryUnavailableException e) {
            return Problems.of(Response.Status.SERVICE_UNAVAILABLE, e.getMessage());
        }
    }
}
