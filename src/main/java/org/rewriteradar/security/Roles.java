package org.rewriteradar.security;

/** The roles of the HTTP API. A JWT carries them in its {@code groups} claim, an API key in its entry. */
public final class Roles {

    /** May publish articles ({@code POST /articles}). */
    public static final String INGEST = "ingest";

    /** May read articles, rewrites and alerts, and follow the live feed. */
    public static final String READER = "reader";

    /** May do everything the other roles may. */
    public static final String ADMIN = "admin";

    private Roles() {}
}
