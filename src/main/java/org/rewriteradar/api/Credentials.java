package org.rewriteradar.api;

import jakarta.ws.rs.core.HttpHeaders;
import java.util.HashMap;
import java.util.Map;
import org.rewriteradar.query.PeerRequest;
import org.rewriteradar.security.SecurityConfig;

/** The caller's credential headers, to forward on a hop to the instance that owns the data. */
final class Credentials {

    private Credentials() {}

    static PeerRequest forward(HttpHeaders headers, SecurityConfig security, boolean withText) {
        Map<String, String> out = new HashMap<>();
        copy(headers, HttpHeaders.AUTHORIZATION, out);
        copy(headers, security.apiKeyHeader(), out);
        return new PeerRequest(out, withText);
    }

    private static void copy(HttpHeaders headers, String name, Map<String, String> out) {
        String value = headers.getHeaderString(name);
        if (value != null) {
            out.put(name, value);
        }
    }
}
