package org.rewriteradar.streams;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntUnaryOperator;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.rewriteradar.similarity.BinaryCodec.In;
import org.rewriteradar.similarity.BinaryCodec.Out;
import org.rewriteradar.similarity.CandidateRanking;

/**
 * Keyed by the probing article's id, on the partition that stores it: gathers the {@link BucketReply}s of
 * all the partitions an article version probed and, once all have answered, picks its best candidates in
 * {@link CandidateRanking} order (the articles sharing the most buckets with it, then by id; at least
 * {@code minShared}, at most {@code maxCandidates}), and apart from those its best candidates published
 * after it, at most {@code maxLaterCandidates} (it arrived after them: in a replay, a backfill or behind a
 * lagging partition an original meets its rewrites only from its own side). Candidates already paired with
 * it ({@link PairMarks})
 * are left out; the others are marked {@link PairMarks#SENT} and the article, read from {@code
 * article-store}, is sent once to each partition holding some of them ({@link ScoringRequest}).
 *
 * <p>{@code candidate-store} holds, per article, what has been gathered so far: the version, the replies
 * expected and received, and the shared-bucket count of every member met. A reply of an older version than
 * the one being gathered is dropped; a newer version discards the older one's counts and starts over; a
 * version that is no longer the stored one when its last reply comes is dropped (its successor is compared
 * instead). Drops are counted ({@link RadarCounters#DROPPED}).
 */
final class CandidateCollector extends ContextualProcessor<String, BucketReply, String, ScoringRequest> {

    private final int maxCandidates;
    private final int maxLaterCandidates;
    private final IntUnaryOperator minShared;
    private final int partitions;
    private final boolean stories;
    private final ScoringMeters meters;
    private KeyValueStore<String, byte[]> gathering;
    private KeyValueStore<String, StoredArticle> articles;
    private KeyValueStore<String, Long> pairs;

    /**
     * @param maxCandidates most candidates per article version, among those published at or before it
     * @param maxLaterCandidates most candidates per article version among those published after it
     * @param minShared buckets a candidate must share, given how many band keys the article has ({@link
     *     org.rewriteradar.similarity.RewriteEngine#minSharedKeys})
     * @param partitions partitions of the internal topics (where candidates live: {@link Partitions})
     * @param stories whether each round is a story round ({@link ScoringRequest#storyRequests()})
     * @param meters where the candidates chosen per article are recorded
     */
    CandidateCollector(
            int maxCandidates,
            int maxLaterCandidates,
            IntUnaryOperator minShared,
            int partitions,
            boolean stories,
            ScoringMeters meters) {
        this.maxCandidates = maxCandidates;
        this.maxLaterCandidates = maxLaterCandidates;
        this.minShared = minShared;
        this.partitions = partitions;
        this.stories = stories;
        this.meters = meters;
    }

    /**
     * What has been gathered for one article version.
     *
     * @param version the article version
     * @param keyCount its band keys in all
     * @param probes replies expected
     * @param received replies received so far
     * @param shared member id → buckets shared so far, members published at or before the article
     * @param later the same, members published after it
     */
    record Gathering(
            int version,
            int keyCount,
            int probes,
            int received,
            Map<String, Integer> shared,
            Map<String, Integer> later) {

        byte[] encode() {
            Out out = new Out(16 + 24 * (shared.size() + later.size()));
            out.write(BinarySerdes.FORMAT_PARTITIONED)
                    .varint(version)
                    .varint(keyCount)
                    .varint(probes)
                    .varint(received);
            BinarySerdes.writeCounts(out, shared);
            if (!later.isEmpty()) {
                BinarySerdes.writeCounts(out, later);
            }
            return out.toByteArray();
        }

        static Gathering decode(byte[] bytes) {
            In in = new In(bytes);
            int format = in.read();
            if (format != BinarySerdes.FORMAT_PARTITIONED) {
                throw new IllegalArgumentException("unsupported candidate gathering format " + format);
            }
            int version = in.varint();
            int keyCount = in.varint();
            int probes = in.varint();
            int received = in.varint();
            Map<String, Integer> shared = BinarySerdes.readCounts(in);
            Map<String, Integer> later = in.done() ? Map.of() : BinarySerdes.readCounts(in);
            return new Gathering(version, keyCount, probes, received, shared, later);
        }
    }

    @Override
    public void init(ProcessorContext<String, ScoringRequest> context) {
        super.init(context);
        gathering = context.getStateStore(RadarTopology.CANDIDATE_STORE);
        articles = context.getStateStore(RadarTopology.ARTICLE_STORE);
        pairs = context.getStateStore(RadarTopology.PAIR_STORE);
    }

    @Override
    public void process(Record<String, BucketReply> record) {
        BucketReply reply = record.value();
        String id = reply.articleId();
        byte[] stored = gathering.get(id);
        Gathering current = stored == null ? null : Gathering.decode(stored);
        if (current == null || current.version() < reply.version()) {
            current = new Gathering(reply.version(), reply.keyCount(), reply.probes(), 0, Map.of(), Map.of());
        } else if (current.version() > reply.version()) {
            RadarCounters.dropped("candidates", "superseded-version");
            return;
        }
        Map<String, Integer> shared = new HashMap<>(current.shared());
        reply.shared().forEach((member, n) -> shared.merge(member, n, Integer::sum));
        Map<String, Integer> later = new HashMap<>(current.later());
        reply.later().forEach((member, n) -> later.merge(member, n, Integer::sum));
        Gathering next = new Gathering(
                current.version(), current.keyCount(), current.probes(), current.received() + 1, shared, later);
        if (next.received() < next.probes()) {
            gathering.put(id, next.encode());
            return;
        }
        if (stored != null) {
            gathering.delete(id);
        }
        send(record, id, next);
    }

    private void send(Record<String, BucketReply> record, String id, Gathering gathered) {
        StoredArticle article = articles.get(id);
        if (article == null) {
            RadarCounters.dropped("candidates", "article-expired");
            return;
        }
        if (article.ref().version() != gathered.version()) {
            RadarCounters.dropped("candidates", "superseded-version");
            return;
        }
        Map<Integer, List<String>> byPartition = new TreeMap<>();
        int min = minShared.applyAsInt(gathered.keyCount());
        List<String> chosen = new ArrayList<>(CandidateRanking.best(gathered.shared(), min, maxCandidates));
        if (!gathered.later().isEmpty()) {
            // a member met among both (its versions' entries differ in publication time) counts as earlier
            Map<String, Integer> later = new HashMap<>(gathered.later());
            later.keySet().removeAll(gathered.shared().keySet());
            chosen.addAll(CandidateRanking.best(later, min, maxLaterCandidates));
        }
        meters.candidatesChosen(chosen.size());
        for (String candidate : chosen) {
            String mark = PairMarks.key(id, candidate);
            if (pairs.get(mark) != null) {
                continue; // sent or scored already: a pair is scored once
            }
            pairs.put(mark, PairMarks.SENT);
            byPartition
                    .computeIfAbsent(Partitions.ofArticle(candidate, partitions), p -> new ArrayList<>())
                    .add(candidate);
        }
        int storyRequests = stories ? byPartition.size() : 0;
        for (List<String> candidates : byPartition.values()) {
            context()
                    .forward(record.withKey(id)
                            .withValue(new ScoringRequest(
                                    article.ref(), article.fingerprint(), candidates, storyRequests)));
        }
    }
}
