package org.rewriteradar.streams;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntUnaryOperator;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.Stores;
import org.rewriteradar.config.RadarConfig;
import org.rewriteradar.model.ArticleEvent;
import org.rewriteradar.model.RewriteAlert;
import org.rewriteradar.similarity.DetectionSettings;
import org.rewriteradar.similarity.RewriteEngine;

/**
 * The Kafka Streams topology of Rewrite Radar, and the one place that names its topics, stores and
 * serdes.
 *
 * <pre>
 * articles ──intake──┬── invalid ──────────────────────────────────▶ articles-dlq
 *                    └── valid ─▶ (by id) articles-by-id
 *   ─▶ versions [article-store] ──┬── unprocessable ───────────────▶ articles-dlq
 *                                 ├── REVISED ─────────────────────▶ rewrite-alerts
 *                                 └── LSH band keys, one probe per partition they fall in
 *   ─▶ (by band partition) article-bands ─▶ buckets [bucket-store]
 *   ─▶ (by article id) bucket-replies ─▶ candidates [candidate-store, article-store, pair-store]:
 *        best candidates by buckets shared, the article sent once per partition holding some of them
 *   ─▶ (by candidate partition) scoring-requests ─▶ score [article-store, pair-store] ──▶ rewrite-alerts
 *        └─ (stories on) ─▶ (by article id) story-replies ─▶ stories [story-store, article-store, rewrite-store]:
 *             the article's earlier candidates of one source united, once every partition has replied
 *           ─▶ (by the best version's partition) story-requests ─▶ story-alerts [article-store] ─▶ rewrite-alerts
 * rewrite-alerts (both kinds) ─▶ (by each article named) alerts-by-article ─▶ [rewrite-store]
 * </pre>
 *
 * All internal topics have {@link RadarConfig.Topics#partitions()} partitions. Articles are partitioned by
 * id, so {@code article-store} is co-partitioned with the replies and requests that read it, and every
 * instance holds only its share of the index; band keys are partitioned by {@link Partitions#ofBand}. An
 * article costs one record per partition its keys or its candidates reach, not one per key or candidate.
 * The buckets keep {@link DetectionSettings.Candidates#indexBucketCapacity()} members, a full one answering
 * with its newest {@link DetectionSettings.Candidates#fullBucketMembers()}, and the candidates
 * step applies {@link DetectionSettings.Candidates#maxCandidates()} and {@link RewriteEngine#minSharedKeys},
 * as the in-memory index does.
 */
public final class RadarTopology {

    /** Article id → {@link StoredArticle}: latest fingerprint and version history. */
    public static final String ARTICLE_STORE = "article-store";
    /** One entry per (LSH band key, member): {@link BucketIndex}. */
    public static final String BUCKET_STORE = "bucket-store";
    /** {@code <article id>\0<other id>} → {@link PairMarks}: pairs sent or scored. */
    public static final String PAIR_STORE = "pair-store";
    /** Article id → {@link ArticleRewrites}: the alerts naming the article, for queries. */
    public static final String REWRITE_STORE = "rewrite-store";
    /** Article id → the bucket replies gathered so far ({@link CandidateCollector.Gathering}). */
    public static final String CANDIDATE_STORE = "candidate-store";
    /** Article id → the story replies gathered so far ({@link StoryCollector.Gathering}). */
    public static final String STORY_STORE = "story-store";
    /** Time-ordered retention index over {@code article-store} ({@link ExpiryIndex}). */
    public static final String ARTICLE_EXPIRY_STORE = "article-expiry-store";

    static final String ARTICLES_BY_ID = "articles-by-id";
    static final String ARTICLE_BANDS = "article-bands";
    static final String BUCKET_REPLIES = "bucket-replies";
    static final String SCORING_REQUESTS = "scoring-requests";
    static final String ALERTS_BY_ARTICLE = "alerts-by-article";
    static final String STORY_REPLIES = "story-replies";
    static final String STORY_REQUESTS = "story-requests";

    public static final Serde<ArticleEvent> ARTICLE_SERDE = JsonSerdes.of(ArticleEvent.class);
    public static final Serde<RewriteAlert> ALERT_SERDE = JsonSerdes.of(RewriteAlert.class);
    static final Serde<StoredArticle> STORED_ARTICLE_SERDE = BinarySerdes.STORED_ARTICLE;
    static final Serde<BandProbe> BAND_PROBE_SERDE = BinarySerdes.BAND_PROBE;
    static final Serde<Long> PAIR_MARK_SERDE = BinarySerdes.PAIR_MARK;
    static final Serde<BucketReply> BUCKET_REPLY_SERDE = BinarySerdes.BUCKET_REPLY;
    static final Serde<ScoringRequest> SCORING_REQUEST_SERDE = BinarySerdes.SCORING_REQUEST;
    static final Serde<StoryReply> STORY_REPLY_SERDE = BinarySerdes.STORY_REPLY;
    static final Serde<StoryRequest> STORY_REQUEST_SERDE = BinarySerdes.STORY_REQUEST;
    static final Serde<ArticleRewrites> REWRITES_SERDE = JsonSerdes.of(ArticleRewrites.class);

    private RadarTopology() {}

    /** Where the stores keep their state: RocksDB (the service) or the heap (evaluation replays). */
    enum StoreKind {
        ROCKSDB,
        IN_MEMORY;

        KeyValueBytesStoreSupplier supplier(String name) {
            return this == ROCKSDB ? Stores.persistentKeyValueStore(name) : Stores.inMemoryKeyValueStore(name);
        }
    }

    /** The topology, its meters ({@link ScoringMeters}) in Micrometer's global registry. */
    public static Topology build(RadarConfig config, RewriteEngine engine) {
        return build(config, engine, Metrics.globalRegistry);
    }

    /** As {@link #build(RadarConfig, RewriteEngine)}, its meters registered in {@code registry}. */
    public static Topology build(RadarConfig config, RewriteEngine engine, MeterRegistry registry) {
        return build(config, engine, engine::fingerprint, StoreKind.ROCKSDB, ScoringMeters.of(registry));
    }

    /**
     * As {@link #build(RadarConfig, RewriteEngine)}, with the stores of {@code stores} (the same processors,
     * serdes, caches and changelogs).
     */
    static Topology build(RadarConfig config, RewriteEngine engine, StoreKind stores) {
        return build(config, engine, engine::fingerprint, stores, ScoringMeters.of(Metrics.globalRegistry));
    }

    /** As {@link #build(RadarConfig, RewriteEngine)}, articles fingerprinted by {@code fingerprinter} (tests). */
    static Topology build(RadarConfig config, RewriteEngine engine, VersionProcessor.Fingerprinter fingerprinter) {
        return build(config, engine, fingerprinter, StoreKind.ROCKSDB, ScoringMeters.of(Metrics.globalRegistry));
    }

    private static Topology build(
            RadarConfig config,
            RewriteEngine engine,
            VersionProcessor.Fingerprinter fingerprinter,
            StoreKind stores,
            ScoringMeters meters) {
        RadarConfig.Topics topics = config.topics();
        int partitions = topics.partitions();
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(
                Stores.keyValueStoreBuilder(stores.supplier(ARTICLE_STORE), Serdes.String(), STORED_ARTICLE_SERDE));
        builder.addStateStore(
                Stores.keyValueStoreBuilder(stores.supplier(BUCKET_STORE), Serdes.Bytes(), Serdes.ByteArray()));
        builder.addStateStore(
                Stores.keyValueStoreBuilder(stores.supplier(PAIR_STORE), Serdes.String(), PAIR_MARK_SERDE));
        // Caching (statestore.cache.max.bytes, flushed at each commit) on the stores written several times per
        // key between two commits: the candidate gathering (put per reply, deleted at the last), an article's
        // alerts, an article's expiry entry put and moved. Only the last value per key and commit reaches
        // RocksDB and the changelog, none for a key put and deleted in between; reads see the cache, so
        // processing is the same. Not on the bucket store: each join writes a new key.
        builder.addStateStore(
                Stores.keyValueStoreBuilder(stores.supplier(REWRITE_STORE), Serdes.String(), REWRITES_SERDE)
                        .withCachingEnabled());
        builder.addStateStore(
                Stores.keyValueStoreBuilder(stores.supplier(CANDIDATE_STORE), Serdes.String(), Serdes.ByteArray())
                        .withCachingEnabled());
        builder.addStateStore(
                Stores.keyValueStoreBuilder(stores.supplier(ARTICLE_EXPIRY_STORE), Serdes.String(), Serdes.Long())
                        .withCachingEnabled());
        boolean stories = engine.settings().stories().enabled();
        if (stories) {
            builder.addStateStore(
                    Stores.keyValueStoreBuilder(stores.supplier(STORY_STORE), Serdes.String(), Serdes.ByteArray())
                            .withCachingEnabled());
        }
        RadarConfig.Index index = config.index();
        // the engine settings the topology applies, all read here: bucket capacity and candidate limits are
        // the engine's, shared with InMemoryCandidateIndex. minSharedKeys depends on how many keys the
        // query has; the collector knows that count (BucketReply#keys), not the keys.
        DetectionSettings settings = engine.settings();
        int bucketCapacity = settings.candidates().indexBucketCapacity();
        int maxCandidates = settings.candidates().maxCandidates();
        IntUnaryOperator minSharedKeys = keyCount -> engine.minSharedKeys(new long[keyCount]);

        RadarConfig.Validation validation = config.validation();
        ArticleValidator validator = new ArticleValidator(
                validation.maxBodyBytes(),
                validation.maxRecordBytes(),
                validation.maxIdBytes(),
                validation.maxFieldBytes(),
                validation.maxFutureSkew());
        int keepBytes = validation.deadLetterKeepBytes();
        IntakeProcessor.checkLimits(validation.maxRecordBytes(), keepBytes, topics.maxMessageBytes());
        KStream<byte[], IntakeProcessor.Intake> intake = builder.stream(
                        topics.articles(), Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()))
                .process(() -> new IntakeProcessor(validator, keepBytes), Named.as(IntakeProcessor.STAGE));

        List<KStream<byte[], IntakeProcessor.Intake>> branches = new ArrayList<>();
        intake.split(Named.as("intake-"))
                .branch((k, v) -> v.event() == null, Branched.withConsumer(branches::add, "invalid"))
                .defaultBranch(Branched.withConsumer(branches::add, "valid"));
        branches.get(0)
                .mapValues(IntakeProcessor.Intake::raw, Named.as("raw-value"))
                .to(topics.deadLetter(), Produced.with(Serdes.ByteArray(), Serdes.ByteArray()));

        KStream<String, VersionProcessor.Update> updates = branches.get(1)
                .map((k, v) -> KeyValue.pair(v.event().id(), v.event()), Named.as("key-by-id"))
                .repartition(Repartitioned.with(Serdes.String(), ARTICLE_SERDE)
                        .withName(ARTICLES_BY_ID)
                        .withNumberOfPartitions(partitions))
                .process(
                        () -> new VersionProcessor(engine, fingerprinter, index.retention(), index.sweepInterval()),
                        Named.as(VersionProcessor.STAGE),
                        ARTICLE_STORE,
                        ARTICLE_EXPIRY_STORE,
                        PAIR_STORE,
                        REWRITE_STORE);

        updates.filter((id, u) -> u.unprocessable() != null, Named.as("unprocessable"))
                .mapValues(
                        u -> ARTICLE_SERDE.serializer().serialize(topics.deadLetter(), u.unprocessable()),
                        Named.as("unprocessable-json"))
                .to(topics.deadLetter(), Produced.with(Serdes.String(), Serdes.ByteArray()));

        KStream<String, RewriteAlert> revisions = updates.filter((id, u) -> u.revision() != null, Named.as("revisions"))
                .mapValues(VersionProcessor.Update::revision, Named.as("revision-alert"));

        KStream<String, ScoreProcessor.Scored> scored = updates.filter(
                        (id, u) -> u.article() != null, Named.as("indexable"))
                .flatMap((id, u) -> probes(engine, u, partitions), Named.as("lsh-probes"))
                .repartition(Repartitioned.with(Serdes.String(), BAND_PROBE_SERDE)
                        .withName(ARTICLE_BANDS)
                        .withNumberOfPartitions(partitions)
                        .withStreamPartitioner(Partitions.PROBES))
                .process(
                        () -> new BucketProcessor(
                                bucketCapacity,
                                settings.candidates().fullBucketMembers(),
                                index.retention(),
                                index.sweepInterval(),
                                index.sweepBatch(),
                                index.bucketCacheMembers()),
                        Named.as("buckets"),
                        BUCKET_STORE)
                .repartition(Repartitioned.with(Serdes.String(), BUCKET_REPLY_SERDE)
                        .withName(BUCKET_REPLIES)
                        .withNumberOfPartitions(partitions))
                .process(
                        () -> new CandidateCollector(
                                maxCandidates,
                                settings.candidates().maxLaterCandidates(),
                                minSharedKeys,
                                partitions,
                                stories,
                                meters),
                        Named.as("candidates"),
                        CANDIDATE_STORE,
                        ARTICLE_STORE,
                        PAIR_STORE)
                .repartition(Repartitioned.with(Serdes.String(), SCORING_REQUEST_SERDE)
                        .withName(SCORING_REQUESTS)
                        .withNumberOfPartitions(partitions)
                        .withStreamPartitioner(Partitions.SCORING))
                .process(() -> new ScoreProcessor(engine, meters), Named.as("score"), ARTICLE_STORE, PAIR_STORE);
        KStream<String, RewriteAlert> rewrites = scored.filter((id, s) -> s.alert() != null, Named.as("pair-alerts"))
                .mapValues(ScoreProcessor.Scored::alert, Named.as("pair-alert"));
        if (stories) {
            KStream<String, RewriteAlert> storyAlerts = scored.filter(
                            (id, s) -> s.story() != null, Named.as("story-round"))
                    .mapValues(ScoreProcessor.Scored::story, Named.as("story-reply"))
                    .repartition(Repartitioned.with(Serdes.String(), STORY_REPLY_SERDE)
                            .withName(STORY_REPLIES)
                            .withNumberOfPartitions(partitions))
                    .process(
                            () -> new StoryCollector(engine),
                            Named.as("stories"),
                            STORY_STORE,
                            ARTICLE_STORE,
                            REWRITE_STORE)
                    .repartition(Repartitioned.with(Serdes.String(), STORY_REQUEST_SERDE)
                            .withName(STORY_REQUESTS)
                            .withNumberOfPartitions(partitions)
                            .withStreamPartitioner(Partitions.STORY))
                    .process(() -> new StoryAlerter(engine), Named.as("story-alerts"), ARTICLE_STORE);
            rewrites = rewrites.merge(storyAlerts, Named.as("story-and-pair-alerts"));
        }

        KStream<String, RewriteAlert> alerts = revisions.merge(rewrites, Named.as("all-alerts"));
        alerts.to(topics.alerts(), Produced.with(Serdes.String(), ALERT_SERDE));
        alerts.flatMap(
                        (id, alert) ->
                                alert.original().id().equals(alert.article().id())
                                        ? List.of(KeyValue.pair(id, alert))
                                        : List.of(
                                                KeyValue.pair(id, alert),
                                                KeyValue.pair(alert.original().id(), alert)),
                        Named.as("alert-articles"))
                .repartition(Repartitioned.with(Serdes.String(), ALERT_SERDE)
                        .withName(ALERTS_BY_ARTICLE)
                        .withNumberOfPartitions(partitions))
                .process(
                        () -> new RewriteIndexProcessor(
                                index.maxAlertsPerArticle(), RewriteIndexProcessor.maxBytes(topics.maxMessageBytes())),
                        Named.as("rewrite-index"),
                        REWRITE_STORE);

        return builder.build();
    }

    /**
     * The probes of an indexed article version: its LSH band keys grouped by the partition of their
     * buckets, one {@link BandProbe} per partition.
     */
    static List<KeyValue<String, BandProbe>> probes(RewriteEngine engine, VersionProcessor.Update u, int partitions) {
        StoredArticle article = u.article();
        long[] keys = engine.candidateKeys(article.fingerprint());
        Map<Integer, List<Long>> byPartition = new TreeMap<>();
        for (long key : keys) {
            byPartition
                    .computeIfAbsent(Partitions.ofBand(key, partitions), p -> new ArrayList<>())
                    .add(key);
        }
        String id = article.ref().id();
        long published = EventTime.millis(article.ref().publishedAt());
        int version = article.ref().version();
        List<KeyValue<String, BandProbe>> out = new ArrayList<>(byPartition.size());
        for (List<Long> group : byPartition.values()) {
            long[] groupKeys = group.stream().mapToLong(Long::longValue).toArray();
            out.add(KeyValue.pair(
                    id,
                    new BandProbe(
                            id, published, version, keys.length, byPartition.size(), u.indexedAtMillis(), groupKeys)));
        }
        return out;
    }
}
