package org.rewriteradar.query;

import java.util.List;
import org.apache.kafka.streams.state.HostInfo;
import org.rewriteradar.model.RewriteAlert;

/** Asks another instance for the newest alerts matching a query in its local state stores. */
@FunctionalInterface
public interface RemoteAlerts {

    /** At most {@code max} matching alerts held by {@code owner}, newest first. */
    List<RewriteAlert> newest(HostInfo owner, AlertQuery query, int max, PeerRequest request);
}
