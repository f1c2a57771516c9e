package org.rewriteradar.query;

import java.util.Optional;
import org.apache.kafka.streams.state.HostInfo;

/** Asks another instance for an article held in its local state stores. */
@FunctionalInterface
public interface RemoteArticles {

    Optional<ArticleView> fetch(HostInfo owner, String articleId, PeerRequest request);

    /** Without credentials or text. */
    default Optional<ArticleView> fetch(HostInfo owner, String articleId) {
        return fetch(owner, articleId, PeerRequest.NONE);
    }
}
