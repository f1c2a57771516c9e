package org.rewriteradar.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.rewriteradar.model.RewriteAlert;
import org.rewriteradar.streams.ArticleRewrites;
import org.rewriteradar.streams.RadarTopology;

/**
 * Recent alerts across instances: every instance scans its own partitions of {@code rewrite-store} (each
 * alert is kept under both articles it names) for the newest matching alerts, and this one merges theirs.
 * All partitions must have a running owner that answers, or the query is unavailable: never a silently
 * partial page.
 */
public class AlertQueryService {

    /** Newest first: {@code detectedAt} descending, then {@code alertId}. */
    public static final Comparator<RewriteAlert> NEWEST_FIRST = Comparator.comparing(
                    (RewriteAlert a) -> a.detectedAt() == null ? Instant.MIN : a.detectedAt())
            .reversed()
            .thenComparing(RewriteAlert::alertId);

    private final KafkaStreams streams;
    private final HostInfo self;
    private final int partitions;
    private final RemoteAlerts remote;

    public AlertQueryService(KafkaStreams streams, HostInfo self, int partitions, RemoteAlerts remote) {
        this.streams = streams;
        this.self = self;
        this.partitions = partitions;
        this.remote = remote;
    }

    /** The page of matching alerts {@code [offset, offset + limit)}, newest first, from every instance. */
    public AlertPage page(AlertQuery query, int offset, int limit, PeerRequest peer) {
        int wanted = offset + limit + 1;
        Collection<StreamsMetadata> owners;
        try {
            owners = streams.streamsMetadataForStore(RadarTopology.REWRITE_STORE);
        } catch (InvalidStateStoreException e) {
            throw new QueryUnavailableException("Kafka Streams is not running (" + streams.state() + ")", e);
        }
        Set<Integer> covered = new HashSet<>();
        for (StreamsMetadata owner : owners) {
            for (TopicPartition tp : owner.topicPartitions()) {
                covered.add(tp.partition());
            }
        }
        for (int p = 0; p < partitions; p++) {
            if (!covered.contains(p)) {
                throw new QueryUnavailableException(
                        "partition " + p + " of the alert index has no running owner (starting or rebalancing)");
            }
        }
        Map<String, RewriteAlert> merged = new LinkedHashMap<>();
        for (StreamsMetadata owner : owners) {
            List<RewriteAlert> found = self.equals(owner.hostInfo())
                    ? local(query, wanted)
                    : remote.newest(owner.hostInfo(), query, wanted, peer);
            found.forEach(a -> merged.putIfAbsent(a.alertId(), a));
        }
        List<RewriteAlert> all = new ArrayList<>(merged.values());
        all.sort(NEWEST_FIRST);
        int from = Math.min(offset, all.size());
        int to = Math.min(offset + limit, all.size());
        return new AlertPage(List.copyOf(all.subList(from, to)), offset, limit, all.size() > offset + limit);
    }

    /** At most {@code max} matching alerts of this instance's active partitions, newest first. */
    public List<RewriteAlert> local(AlertQuery query, int max) {
        PriorityQueue<RewriteAlert> newest = new PriorityQueue<>(NEWEST_FIRST.reversed());
        Set<String> seen = new HashSet<>();
        try {
            ReadOnlyKeyValueStore<String, ArticleRewrites> store = streams.store(StoreQueryParameters.fromNameAndType(
                    RadarTopology.REWRITE_STORE, QueryableStoreTypes.<String, ArticleRewrites>keyValueStore()));
            try (KeyValueIterator<String, ArticleRewrites> it = store.all()) {
                while (it.hasNext()) {
                    KeyValue<String, ArticleRewrites> entry = it.next();
                    offer(entry.value.asRewrite(), query, max, newest, seen);
                    offer(entry.value.asOriginal(), query, max, newest, seen);
                }
            }
        } catch (InvalidStateStoreException e) {
            throw new QueryUnavailableException("the alert index is not queryable right now", e);
        }
        List<RewriteAlert> out = new ArrayList<>(newest);
        out.sort(NEWEST_FIRST);
        return out;
    }

    private static void offer(
            List<RewriteAlert> alerts,
            AlertQuery query,
            int max,
            PriorityQueue<RewriteAlert> newest,
            Set<String> seen) {
        for (RewriteAlert a : alerts) {
            if (query.matches(a) && seen.add(a.alertId())) {
                newest.add(a);
                if (newest.size() > max) {
                    newest.poll();
                }
            }
        }
    }
}
