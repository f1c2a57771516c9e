package org.rewriteradar.streams;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.rewriteradar.similarity.BinaryCodec.In;
import org.rewriteradar.similarity.BinaryCodec.Out;
import org.rewriteradar.similarity.RewriteEngine;
import org.rewriteradar.similarity.RewriteKind;

/**
 * Keyed by the scored article's id, on the partition that stores it: gathers the {@link StoryReply}s of a
 * story round and, once every scoring partition has answered, decides whether the article rewrites a story
 * ({@link org.rewriteradar.similarity.DetectionSettings.Stories}). Unless the article is settled (a reply
 * says one of its pairs alerted or was judged before, or {@code rewrite-store} holds an alert naming it as
 * a rewrite, from an earlier version's round), its earlier candidates from other sources than its own are
 * grouped by source (one without a source is a story alone) and each group's found shingles united; the
 * group whose versions hold the largest share of the article's narrative shingles together, if at least
 * {@code alertNarrative} and of at least {@code minVersions} versions, is sent to be explained on the
 * partition of its version holding most of the article's shingles (on equal counts the smaller id), as a
 * {@link StoryRequest}.
 *
 * <p>{@code story-store} holds, per article, what has been gathered so far. Versions are handled as in
 * {@link CandidateCollector}: an older version's reply is dropped, a newer version starts over, and a round
 * whose version is no longer the stored one when it completes is dropped (counted, {@link
 * RadarCounters#DROPPED}).
 */
final class StoryCollector extends ContextualProcessor<String, StoryReply, String, StoryRequest> {

    private final RewriteEngine engine;
    private final double alertNarrative;
    private final int minVersions;
    private KeyValueStore<String, byte[]> gathering;
    private KeyValueStore<String, StoredArticle> articles;
    private KeyValueStore<String, ArticleRewrites> rewrites;

    StoryCollector(RewriteEngine engine) {
        this.engine = engine;
        this.alertNarrative = engine.settings().stories().alertNarrative();
        this.minVersions = engine.settings().stories().minVersions();
    }

    /**
     * What has been gathered for one article version.
     *
     * @param version the article version
     * @param requests replies expected
     * @param received replies received so far
     * @param settled whether any reply settled the article
     * @param members the story members met so far
     */
    record Gathering(int version, int requests, int received, boolean settled, List<StoryReply.Member> members) {

        byte[] encode() {
            Out out = new Out(32 + 64 * members.size());
            out.write(BinarySerdes.FORMAT_PARTITIONED)
                    .varint(version)
                    .varint(requests)
                    .varint(received)
                    .write(settled ? 1 : 0);
            BinarySerdes.writeMembers(out, members);
            return out.toByteArray();
        }

        static Gathering decode(byte[] bytes) {
            In in = new In(bytes);
            int format = in.read();
            if (format != BinarySerdes.FORMAT_PARTITIONED) {
                throw new IllegalArgumentException("unsupported story gathering format " + format);
            }
            return new Gathering(in.varint(), in.varint(), in.varint(), in.read() != 0, BinarySerdes.readMembers(in));
        }
    }

    @Override
    public void init(ProcessorContext<String, StoryRequest> context) {
        super.init(context);
        gathering = context.getStateStore(RadarTopology.STORY_STORE);
        articles = context.getStateStore(RadarTopology.ARTICLE_STORE);
        rewrites = context.getStateStore(RadarTopology.REWRITE_STORE);
    }

    @Override
    public void process(Record<String, StoryReply> record) {
        StoryReply reply = record.value();
        String id = reply.articleId();
        byte[] stored = gathering.get(id);
        Gathering current = stored == null ? null : Gathering.decode(stored);
        if (current == null || current.version() < reply.version()) {
            current = new Gathering(reply.version(), reply.requests(), 0, false, List.of());
        } else if (current.version() > reply.version()) {
            RadarCounters.dropped("stories", "superseded-version");
            return;
        }
        boolean settled = current.settled() || reply.settled();
        List<StoryReply.Member> members = List.of();
        if (!settled) {
            members = new ArrayList<>(current.members());
            members.addAll(reply.members());
        }
        Gathering next = new Gathering(current.version(), current.requests(), current.received() + 1, settled, members);
        if (next.received() < next.requests()) {
            gathering.put(id, next.encode());
            return;
        }
        if (stored != null) {
            gathering.delete(id);
        }
        if (!next.settled() && !next.members().isEmpty()) {
            decide(record, id, next);
        }
    }

    private void decide(Record<String, StoryReply> record, String id, Gathering gathered) {
        StoredArticle article = articles.get(id);
        if (article == null) {
            RadarCounters.dropped("stories", "article-expired");
            return;
        }
        if (article.ref().version() != gathered.version()) {
            RadarCounters.dropped("stories", "superseded-version");
            return;
        }
        if (alertedAsRewrite(id)) {
            return;
        }
        Map<String, List<StoryReply.Member>> bySource = new LinkedHashMap<>();
        String ownSource = article.ref().source();
        for (StoryReply.Member m : gathered.members()) {
            if (m.source() != null && m.source().equals(ownSource)) {
                continue; // a source's own earlier copy: follow-ups and night leads reuse it, pairs judge it
            }
            String story = m.source() == null ? "\0" + m.id() : m.source();
            bySource.computeIfAbsent(story, s -> new ArrayList<>()).add(m);
        }
        double bestShare = -1;
        List<StoryReply.Member> bestStory = null;
        for (List<StoryReply.Member> story : bySource.values()) {
            if (story.size() < minVersions) {
                continue;
            }
            double share = engine.storyShare(article.fingerprint(), union(story));
            if (share > bestShare) {
                bestShare = share;
                bestStory = story;
            }
        }
        if (bestStory == null || bestShare < alertNarrative) {
            return;
        }
        StoryReply.Member best = bestStory.get(0);
        for (StoryReply.Member m : bestStory) {
            if (m.shared() > best.shared() || (m.shared() == best.shared() && m.id().compareTo(best.id()) < 0)) {
                best = m;
            }
        }
        context()
                .forward(record.withKey(id)
                        .withValue(new StoryRequest(
                                article.ref(), article.fingerprint(), best.id(), bestShare, bestStory.size())));
    }

    /** Whether an alert names the article as a rewrite (of another article: revisions aside). */
    private boolean alertedAsRewrite(String id) {
        ArticleRewrites known = rewrites.get(id);
        return known != null && known.asRewrite().stream().anyMatch(a -> a.kind() != RewriteKind.REVISED);
    }

    private static long[] union(List<StoryReply.Member> story) {
        int words = 0;
        for (StoryReply.Member m : story) {
            words = Math.max(words, m.found().length);
        }
        long[] union = new long[words];
        for (StoryReply.Member m : story) {
            long[] found = m.found();
            for (int w = 0; w < found.length; w++) {
                union[w] |= found[w];
            }
        }
        return union;
    }
}
