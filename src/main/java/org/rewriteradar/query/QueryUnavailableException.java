package org.rewriteradar.query;

/** The state needed for a query is not available right now (rebalancing, restoring, owner unreachable). */
public class QueryUnavailableException extends RuntimeException {

    public QueryUnavailableException(String message) {
        super(message);
    }

    public QueryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
