package org.rewriteradar.streams;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntUnaryOperator;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.rewriteradar.similarity.BinaryCodec.In;
import org.rewriteradar.similarity.BinaryCodec.Out;
import org.rewriteradar.similarity.CandidateRanking;

/**
 * Keyed by the joining article's id: gathers the replies of all the buckets an article version joined
 * and, once all have answered, sends on only its best candidates in {@link CandidateRanking} order (the
 * articles sharing the most buckets with it, then by id; at least {@code minShared}, at most
 * {@code maxCandidates}), each as a canonically named pair.
 * A bucket shared by thousands of articles thus costs a few counts, not thousands of comparisons.
 *
 * <p>Gathering costs time linear in the replies: {@code candidate-store} holds, per article, a small
 * progress record (version, replies expected, replies received) and each reply but the last under its
 * own key; the last reply reads the stored ones back by their sequence numbers, counts the buckets each
 * other article shares, and deletes them. A reply of an older version than the one being gathered is
 * ignored; a newer version discards the older one's replies and starts over. Keys (binary, so that one
 * article's entries are contiguous and never collide with another's): {@code <id length, 4 bytes><id
 * UTF-8>} then {@code 0} for the progress record, or {@code 1 <version, 4 bytes> <sequence, 4 bytes>} for
 * a reply (value: its member ids, {@link BinarySerdes#writeIds}).
 */
final class CandidateCollector extends ContextualProcessor<String, BucketReply, String, CandidatePair> {

    private static final int PROGRESS = 0;
    private static final int REPLY = 1;

    private final int maxCandidates;
    private final IntUnaryOperator minShared;
    private KeyValueStore<Bytes, byte[]> gathering;

    /**
     * @param maxCandidates most candidates sent on per article version
     * @param minShared buckets a candidate must share, given how many the article joined ({@link
     *     org.rewriteradar.similarity.RewriteEngine#minSharedKeys})
     */
    CandidateCollector(int maxCandidates, IntUnaryOperator minShared) {
        this.maxCandidates = maxCandidates;
        this.minShared = minShared;
    }

    /**
     * What has been gathered for one article version.
     *
     * @param version the article version being gathered for
     * @param keys replies expected
     * @param received replies received (and stored) so far
     */
    record Progress(int version, int keys, int received) {

        byte[] encode() {
            return new Out(16)
                    .write(BinarySerdes.FORMAT)
                    .varint(version)
                    .varint(keys)
                    .varint(received)
                    .toByteArray();
        }

        static Progress decode(byte[] bytes) {
            In in = new In(bytes);
            int format = in.read();
            if (format != BinarySerdes.FORMAT) {
                throw new IllegalArgumentException("unsupported candidate progress format " + format);
            }
            return new Progress(in.varint(), in.varint(), in.varint());
        }
    }

    @Override
    public void init(ProcessorContext<String, CandidatePair> context) {
        super.init(context);
        gathering = context.getStateStore(RadarTopology.CANDIDATE_STORE);
    }

    @Override
    public void process(Record<String, BucketReply> record) {
        BucketReply reply = record.value();
        byte[] article = articlePrefix(record.key());
        Bytes progressKey = progressKey(article);
        byte[] stored = gathering.get(progressKey);
        Progress current = stored == null ? null : Progress.decode(stored);
        if (current == null || current.version() < reply.version()) {
            if (current != null) {
                deleteReplies(article, current);
            }
            current = new Progress(reply.version(), reply.keys(), 0);
        } else if (current.version() > reply.version()) {
            // a newer version of the article is being gathered and will be compared instead
            RadarCounters.dropped("candidates", "superseded-version");
            return;
        }
        if (current.received() + 1 < current.keys()) {
            Out members = new Out(8 + 24 * reply.members().size());
            BinarySerdes.writeIds(members, reply.members());
            gathering.put(replyKey(article, current.version(), current.received()), members.toByteArray());
            gathering.put(
                    progressKey, new Progress(current.version(), current.keys(), current.received() + 1).encode());
            return;
        }
        Map<String, Integer> shared = new HashMap<>();
        for (int seq = 0; seq < current.received(); seq++) {
            Bytes key = replyKey(article, current.version(), seq);
            byte[] members = gathering.get(key);
            if (members != null) {
                for (String member : BinarySerdes.readIds(new In(members))) {
                    shared.merge(member, 1, Integer::sum);
                }
                gathering.delete(key);
            }
        }
        for (String member : reply.members()) {
            shared.merge(member, 1, Integer::sum);
        }
        if (stored != null) {
            gathering.delete(progressKey);
        }
        for (String candidate : CandidateRanking.best(shared, minShared.applyAsInt(current.keys()), maxCandidates)) {
            CandidatePair pair = CandidatePair.of(candidate, reply.articleId());
            context().forward(record.withKey(pair.firstId()).withValue(pair));
        }
    }

    private void deleteReplies(byte[] article, Progress stale) {
        for (int seq = 0; seq < stale.received(); seq++) {
            gathering.delete(replyKey(article, stale.version(), seq));
        }
    }

    /** {@code <id length, 4 bytes big-endian><id UTF-8>}: the prefix of all of one article's keys. */
    static byte[] articlePrefix(String articleId) {
        byte[] id = articleId.getBytes(StandardCharsets.UTF_8);
        return new Out(4 + id.length).fixedInt(id.length).bytes(id).toByteArray();
    }

    static Bytes progressKey(byte[] article) {
        return Bytes.wrap(
                new Out(article.length + 1).bytes(article).write(PROGRESS).toByteArray());
    }

    static Bytes replyKey(byte[] article, int version, int seq) {
        return Bytes.wrap(new Out(article.length + 9)
                .bytes(article)
                .write(REPLY)
                .fixedInt(version)
                .fixedInt(seq)
                .toByteArray());
    }
}
