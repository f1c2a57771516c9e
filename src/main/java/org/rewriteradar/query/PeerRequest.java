package org.rewriteradar.query;

import java.util.Map;

/**
 * What a query passes on when it asks another instance: the caller's credentials (the owner checks them
 * again, so a hop grants nothing the caller lacks) and whether the article's text is wanted.
 *
 * @param credentials request headers carrying the caller's credentials ({@code Authorization}, the API-key
 *     header), forwarded unchanged
 * @param withText whether to include the latest version's normalised text
 */
public record PeerRequest(Map<String, String> credentials, boolean withText) {

    /** No credentials (security off, or tests of the hop itself), no text. */
    public static final PeerRequest NONE = new PeerRequest(Map.of(), false);

    public PeerRequest {
        credentials = Map.copyOf(credentials);
    }
}
