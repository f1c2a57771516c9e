package org.rewriteradar.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

/**
 * Every setting of the service, under the {@code radar.} prefix. Each one can also be set from the
 * environment, e.g. {@code RADAR_TOPICS_PARTITIONS=6}.
 */
@ConfigMapping(prefix = "radar")
public interface RadarConfig {

    Topics topics();

    Validation validation();

    Index index();

    Query query();

    Shutdown shutdown();

    Recovery recovery();

    /**
     * Overrides of the detection engine's settings, by group and setting of
     * {@link org.rewriteradar.similarity.DetectionSettings}, both in kebab-case, e.g.
     * {@code radar.detection.weights.alert-threshold=0.6} or {@code radar.detection.gate.min-unigram=0.4}
     * (keys of this map: {@code weights.alert-threshold}; as an environment variable {@code
     * RADAR_DETECTION_WEIGHTS_ALERT_THRESHOLD}); unset ones keep their tuned defaults. See
     * {@link DetectionOverrides}.
     */
    Map<String, String> detection();

    /** Topic names and the partitioning of the application's internal topics. */
    interface Topics {

        /** Input topic of article events (key: article id). */
        @WithDefault("articles")
        String articles();

        /** Output topic of rewrite alerts (key: the rewrite's article id). */
        @WithDefault("rewrite-alerts")
        String alerts();

        /** Dead-letter topic: invalid article records, unchanged, with the reason in headers. */
        @WithDefault("articles-dlq")
        String deadLetter();

        /**
         * Partitions of the internal repartition topics (articles by id, band probes, bucket replies,
         * scoring requests, alerts by article). All of them must agree, so this is fixed for the lifetime
         * of an application id; it bounds how many instances can share the work.
         */
        @WithDefault("6")
        int partitions();

        /** Whether the service creates its input, alert and dead-letter topics at start when missing. */
        @WithDefault("false")
        boolean create();

        /** Replication factor of topics the service creates ({@link #create()}). */
        @WithDefault("1")
        short replicationFactor();

        /**
         * Largest record the service writes, in bytes: the Streams producer's {@code max.request.size}
         * and the {@code max.message.bytes} of the internal topics Streams creates ({@code
         * application.properties} passes this setting as {@code kafka-streams.producer.max.request.size}
         * and {@code kafka-streams.topic.max.message.bytes}), and of the alert and dead-letter topics
         * {@link #create()} creates. Under {@code exactly_once_v2} a record the producer or the broker
         * refuses for its size fails the transaction and stops the stream thread, whatever the production
         * exception handler answers, so every record the topology writes must fit.
         *
         * <p>Kafka's defaults (about 1 MB) are too small for an article near the body limit once headers and
         * hostile bodies are counted: {@code RecordBudgetTest} measures every record the topology derives from
         * a body at the limits with the service's serdes and checks the largest against this; a {@code
         * rewrite-store} record keeps within a quarter of it ({@link Index#maxAlertsPerArticle()}). The default,
         * 8 MiB, holds the worst hostile body known (README, "Record sizes", for the figures).
         */
        @WithDefault("8388608")
        int maxMessageBytes();
    }

    /** Limits applied to incoming article records before processing. */
    interface Validation {

        /**
         * Largest accepted article body, in UTF-8 bytes, as sent and after Unicode NFKC normalisation (which
         * can make some characters 11 times larger: U+FDFA, 3 bytes, becomes 33); larger ones go to the
         * dead-letter topic ({@code BODY_TOO_LARGE}). 768 KiB: an event with a body at the limit, JSON
         * escapes adding a tenth to it (under 1% on real text), every optional field at {@link
         * #maxFieldBytes()} and the id at {@link #maxIdBytes()} is still under {@link #maxRecordBytes()}
         * (about 931,000 bytes), so an over-long body is reported as such; and what the topology writes for
         * it fits {@link Topics#maxMessageBytes()} (see there). It was 1 MiB, which the topology could not
         * write within Kafka's default limits.
         */
        @WithDefault("786432")
        int maxBodyBytes();

        /**
         * Largest accepted record, in bytes: key, value, and the names and values of its headers (which
         * travel with every record the topology derives from it), checked at intake before the value is
         * parsed; larger ones go to the dead-letter topic ({@code RECORD_TOO_LARGE}), cut to {@link
         * #deadLetterKeepBytes()}. 1,000,000: a record under it, dead-lettered whole with its {@code
         * radar.dlq.*} headers (a few KB: the message is capped at 1,000 characters), still fits Kafka's
         * default limits (broker {@code message.max.bytes} 1,048,588, producer {@code max.request.size}
         * 1,048,576), so an operator-created dead-letter topic needs no setting. Must leave 16 KiB under
         * {@link Topics#maxMessageBytes()}; checked at start.
         */
        @WithDefault("1000000")
        int maxRecordBytes();

        /**
         * Of a record over {@link #maxRecordBytes()}, the dead-letter topic keeps the first this many bytes
         * of the value and of the key, and the original headers only when they total no more (headers
         * {@code radar.dlq.truncated}, {@code radar.dlq.original-bytes}, {@code
         * radar.dlq.original-value-bytes} say what was cut). 64 KiB: enough to see which publisher and which
         * article it was; such a dead letter stays under about 200 KB, whatever the record's size. At least
         * 1 and at most {@link #maxRecordBytes()}; checked at start.
         */
        @WithDefault("65536")
        int deadLetterKeepBytes();

        /**
         * Longest accepted article id, in UTF-8 bytes; longer ones go to the dead-letter topic
         * ({@code INVALID_FIELD}). The id is a key in every store and repartition topic.
         */
        @WithDefault("512")
        int maxIdBytes();

        /**
         * Longest accepted {@code url}, {@code source}, {@code title} or {@code language}, in UTF-8 bytes;
         * longer ones go to the dead-letter topic ({@code INVALID_FIELD}).
         */
        @WithDefault("16384")
        int maxFieldBytes();

        /**
         * How far ahead of the wall clock a {@code publishedAt} may be (clock skew, time zones given
         * wrong); later ones go to the dead-letter topic ({@code PUBLISHED_IN_FUTURE}). (Retention runs
         * on the wall clock, so no date, however mistyped, can expire the index.)
         */
        @WithDefault("P1D")
        Duration maxFutureSkew();
    }

    /**
     * How the service stops. Quarkus closes Kafka Streams with a plain {@code close()}: no time limit and no
     * leave-group request; with the broker unreachable that waited minutes in the consumer's coordinator
     * lookup. {@code org.rewriteradar.streams.StreamsShutdown} closes it first, within these bounds.
     */
    interface Shutdown {

        /**
         * How long Kafka Streams may take to close at shutdown (commit, flush the stores, leave the group).
         * If it has not closed by then the process halts, so that a stop is bounded even when the broker is
         * gone: under {@code exactly_once_v2} that is a crash as far as the local state goes (the affected
         * tasks restore from their changelogs, or from a standby). Keep the pod's {@code
         * terminationGracePeriodSeconds} above this (k8s/base/statefulset.yaml: 60 s against 30 s).
         */
        @WithDefault("PT30S")
        Duration closeTimeout();

        /**
         * Whether the instance sends a leave-group request when it closes, so that its partitions move to the
         * others at once rather than after the session timeout ({@code kafka-streams.consumer.session.timeout.ms}).
         * With static membership ({@code group.instance.id}, set per pod) a member that does not leave keeps
         * its partitions across a quick restart; leaving trades that for no pause in processing.
         */
        @WithDefault("true")
        boolean leaveGroup();
    }

    /**
     * What happens when a stream thread dies of an exception no stage handled (a transaction that timed out
     * while the broker was unreachable, a store that failed): {@code org.rewriteradar.streams.StreamThreadRecovery}
     * replaces the thread, which resumes from the last committed offsets, up to {@link #maxThreadReplacements()}
     * times within {@link #replacementWindow()}. Beyond that, and for failures that would fail again (an unknown
     * record format, a JVM {@link Error}), it shuts the client down: Streams goes to {@code ERROR}, liveness to
     * DOWN, and the orchestrator restarts the pod.
     */
    interface Recovery {

        /** Stream threads replaced within {@link #replacementWindow()} before the client is shut down instead. */
        @WithDefault("5")
        int maxThreadReplacements();

        /** The window over which {@link #maxThreadReplacements()} counts. */
        @WithDefault("PT10M")
        Duration replacementWindow();
    }

    /** Interactive queries across instances. */
    interface Query {

        /** How long to wait for the instance that owns an article to answer. */
        @WithDefault("PT5S")
        Duration remoteTimeout();
    }

    /**
     * The candidate index (LSH buckets): retention and queries. How many ids a bucket keeps is the
     * engine's {@code radar.detection.candidates.index-bucket-capacity}, shared with the in-memory index.
     */
    interface Index {

        /**
         * The comparison window and the index's memory: two articles are compared when their {@code
         * publishedAt} lie within this of each other, and an article leaves the index once this has
         * passed on the wall clock since its latest version was stored (README, "Retention").
         */
        @WithDefault("P30D")
        Duration retention();

        /** How often (wall clock) each task sweeps articles and buckets past the retention window. */
        @WithDefault("PT1M")
        Duration sweepInterval();

        /**
         * Bucket entries (one per article and band key) one sweep visits per task, and then the rest of the
         * buckets it is in ({@code BucketIndex#sweep}); a pass over a task's
         * buckets takes entries / this sweeps, so a cold bucket's expired members linger that long (a bucket
         * being read drops them at once). 50,000 entries at one sweep a minute: a task holding a million
         * articles' thirty bucket entries each is swept every ten hours.
         */
        @WithDefault("50000")
        int sweepBatch();

        /**
         * Most bucket members each task keeps in memory (0: none): the entries of its recently joined buckets
         * of two or more members, least recently joined leaving first. A join of a cached bucket reads no
         * RocksDB entry, and reading a bucket member by member was most of what a join cost, growing as buckets
         * fill. About 100–150 bytes of heap per member: the default is some 25 MB per task.
         */
        @WithDefault("200000")
        long bucketCacheMembers();

        /**
         * Most alerts kept per article and side (as rewrite, as original) for queries. An article's {@code
         * rewrite-store} record also keeps within a quarter of {@link Topics#maxMessageBytes()} (2 MiB of
         * JSON): 50 alerts a side of the largest kind (223,704 bytes each, fields at their limits) would be
         * 22 MB. Past either bound the oldest alerts of the side are dropped, counted on {@code
         * radar.index.rewrites-dropped} ({@code reason} {@code max-alerts} or {@code max-bytes}).
         */
        @WithDefault("50")
        int maxAlertsPerArticle();
    }
}
