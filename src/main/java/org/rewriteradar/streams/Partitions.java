package org.rewriteradar.streams;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * Where records of the internal topics go. Articles live where Kafka's default partitioner puts their id
 * ({@code articles-by-id}: murmur2 of the UTF-8 id), so {@link #ofArticle} finds the partition (and task)
 * holding an article's {@code article-store} entry; LSH band keys are spread by {@link #ofBand}. An
 * article's probes and scoring requests each name one destination partition, so an article costs one record
 * per partition it reaches, not one per band key or per candidate.
 */
final class Partitions {

    private Partitions() {}

    /** The partition holding article {@code id} among {@code count}: as Kafka's default partitioner. */
    static int ofArticle(String id, int count) {
        return Utils.toPositive(Utils.murmur2(id.getBytes(StandardCharsets.UTF_8))) % count;
    }

    /** The partition holding the bucket of LSH band key {@code band} among {@code count}. */
    static int ofBand(long band, int count) {
        return Math.floorMod(Long.hashCode(band), count);
    }

    /** Sends a {@link BandProbe} to the partition of its band keys (all of them share one). */
    static final StreamPartitioner<String, BandProbe> PROBES =
            (topic, key, probe, count) -> Optional.of(Set.of(ofBand(probe.keys()[0], count)));

    /** Sends a {@link ScoringRequest} to the partition of its candidates (all of them share one). */
    static final StreamPartitioner<String, ScoringRequest> SCORING = (topic, key, request, count) ->
            Optional.of(Set.of(ofArticle(request.candidates().get(0), count)));

    /** Sends a {@link StoryRequest} to the partition of the story's best version. */
    static final StreamPartitioner<String, StoryRequest> STORY =
            (topic, key, request, count) -> Optional.of(Set.of(ofArticle(request.original(), count)));
}
