package org.rewriteradar.query;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Instance-to-instance endpoint of the interactive queries: answers only from this instance's own
 * state stores. The public query API is built on {@link ArticleQueryService}.
 */
@Path(InternalArticleResource.PATH)
public class InternalArticleResource {

    static final String PATH = "/internal/articles";

    @Inject
    ArticleQueryService queries;

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response article(@PathParam("id") String id) {
        try {
            return queries.localArticle(id)
                    .map(view -> Response.ok(view).build())
                    .orElseGet(() -> Problems.of(Response.Status.NOT_FOUND, "article " + id + " is not held here"));
        } catch (QueryUnavailableException e) {
            return Problems.of(Response.Status.SERVICE_UNAVAILABLE, e.getMessage());
        }
    }
}
