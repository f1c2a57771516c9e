package org.rewriteradar.query;

import java.util.Optional;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.rewriteradar.streams.ArticleRewrites;
import org.rewriteradar.streams.RadarTopology;
import org.rewriteradar.streams.StoredArticle;

/**
 * Interactive queries over the partitioned state: finds which instance holds an article (Kafka Streams
 * metadata), answers from the local stores when it is this one, and asks the owner otherwise.
 */
public class ArticleQueryService {

    private final KafkaStreams streams;
    private final HostInfo self;
    private final RemoteArticles remote;

    public ArticleQueryService(KafkaStreams streams, HostInfo self, RemoteArticles remote) {
        this.streams = streams;
        this.self = self;
        this.remote = remote;
    }

    /** The article with its versions and rewrites, wherever it is stored; empty when unknown. */
    public Optional<ArticleView> article(String articleId) {
        return article(articleId, PeerRequest.NONE);
    }

    /**
     * As {@link #article(String)}, asking the owner with the caller's credentials and, when {@code
     * request.withText()}, with the latest version's normalised text.
     */
    public Optional<ArticleView> article(String articleId, PeerRequest request) {
        KeyQueryMetadata owner = owner(articleId);
        if (owner == null || KeyQueryMetadata.NOT_AVAILABLE.equals(owner)) {
            throw new QueryUnavailableException("no instance holds the article store yet (starting or rebalancing)");
        }
        if (self.equals(owner.activeHost())) {
            return local(articleId, owner.partition(), request.withText());
        }
        return remote.fetch(owner.activeHost(), articleId, request);
    }

    /** The article from this instance's stores only; empty when not held here. */
    public Optional<ArticleView> localArticle(String articleId) {
        return localArticle(articleId, false);
    }

    /** As {@link #localArticle(String)}, with the latest version's normalised text when {@code withText}. */
    public Optional<ArticleView> localArticle(String articleId, boolean withText) {
        KeyQueryMetadata owner = owner(articleId);
        if (owner == null || !self.equals(owner.activeHost())) {
            return Optional.empty();
        }
        return local(articleId, owner.partition(), withText);
    }

    private KeyQueryMetadata owner(String articleId) {
        try {
            return streams.queryMetadataForKey(
                    RadarTopology.ARTICLE_STORE, articleId, Serdes.String().serializer());
        } catch (InvalidStateStoreException e) {
            // StreamsNotStartedException and the like: Streams is not (yet, or no longer) running
            throw new QueryUnavailableException("Kafka Streams is not running (" + streams.state() + ")", e);
        }
    }

    private Optional<ArticleView> local(String articleId, int partition, boolean withText) {
        try {
            StoredArticle stored = this.<StoredArticle>store(RadarTopology.ARTICLE_STORE, partition)
                    .get(articleId);
            if (stored == null) {
                return Optional.empty();
            }
            ArticleRewrites rewrites = this.<ArticleRewrites>store(RadarTopology.REWRITE_STORE, partition)
                    .get(articleId);
            var fp = stored.fingerprint();
            return Optional.of(new ArticleView(
                    stored.ref(),
                    stored.versions(),
                    new ArticleView.FingerprintSummary(
                            fp.text().length(), fp.tokens(), Long.toHexString(fp.textHash()), fp.sentences()),
                    rewrites == null ? ArticleRewrites.EMPTY : rewrites,
                    self.host() + ":" + self.port(),
                    withText ? fp.text() : null));
        } catch (InvalidStateStoreException e) {
            throw new QueryUnavailableException("the article store is not queryable right now", e);
        }
    }

    private <V> ReadOnlyKeyValueStore<String, V> store(String name, int partition) {
        return streams.store(StoreQueryParameters.<ReadOnlyKeyValueStore<String, V>>fromNameAndType(
                        name, QueryableStoreTypes.keyValueStore())
                .withPartition(partition));
    }
}
