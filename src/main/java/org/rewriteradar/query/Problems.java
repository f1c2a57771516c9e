package org.rewriteradar.query;

import jakarta.ws.rs.core.Response;
import java.util.Map;

/** RFC 9457 problem bodies ({@code application/problem+json}) of the query endpoints. */
final class Problems {

    private Problems() {}

    static Response of(Response.Status status, String detail) {
        return Response.status(status)
                .type("application/problem+json")
                .entity(Map.of("title", status.getReasonPhrase(), "status", status.getStatusCode(), "detail", detail))
                .build();
    }
}
