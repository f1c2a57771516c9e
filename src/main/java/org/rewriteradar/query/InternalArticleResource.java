package org.rewriteradar.query;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.rewriteradar.security.Roles;

/**
 * Instance-to-instance endpoint of the interactive queries: answers only from this instance's own
 * state stores. The public query API is built on {@link ArticleQueryService}. The asking instance forwards
 * its caller's credentials, checked here again.
 */
@Path(InternalArticleResource.PATH)
@RolesAllowed({Roles.READER, Roles.ADMIN})
public class InternalArticleResource {

    static final String PATH = "/internal/articles";

    @Inject
    ArticleQueryService queries;

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Peers only: an article from this instance's own stores")
    public Response article(@PathParam("id") String id, @QueryParam("text") boolean text) {
        try {
            return queries.localArticle(id, text)
                    .map(view -> Response.ok(view).build())
                    .orElseGet(() -> Problems.of(Response.Status.NOT_FOUND, "article " + id + " is not held here"));
        } catch (QueryUnavailableException e) {
            return Problems.of(Response.Status.SERVICE_UNAVAILABLE, e.getMessage());
        }
    }
}
