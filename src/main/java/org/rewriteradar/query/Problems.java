package org.rewriteradar.query;

import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/** RFC 9457 problem bodies ({@code application/problem+json}) of the HTTP API. */
public final class Problems {

    /** The media type of a problem body. */
    public static final String TYPE = "application/problem+json";

    private Problems() {}

    public static Response of(Response.Status status, String detail) {
        return of(status.getStatusCode(), status.getReasonPhrase(), detail, Map.of());
    }

    /** A problem body with extension members (e.g. {@code errors}, {@code published}). */
    public static Response of(int status, String title, String detail, Map<String, ?> extensions) {
        return builder(status, title, detail, extensions).build();
    }

    /** As {@link #of(int, String, String, Map)}, to add headers. */
    public static Response.ResponseBuilder builder(int status, String title, String detail, Map<String, ?> extensions) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.putAll(extensions);
        return Response.status(status).type(TYPE).entity(body);
    }
}
