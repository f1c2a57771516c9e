package org.rewriteradar.streams;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.rewriteradar.model.ArticleRef;
import org.rewriteradar.similarity.ArticleFingerprint;
import org.rewriteradar.similarity.BinaryCodec.In;
import org.rewriteradar.similarity.BinaryCodec.Out;
import org.rewriteradar.similarity.FingerprintCodec;

/**
 * Compact binary serdes for everything the topology keeps or sends between its own steps: the stored
 * articles ({@code article-store}) and the articles sent to be scored ({@code scoring-requests}), and the
 * records of the LSH index ({@code article-bands}, {@code bucket-store}, {@code bucket-replies}). Each form
 * starts with a format byte; any other first byte is refused, including the <code>'{'</code> of the JSON
 * these serdes replaced and the per-band records of earlier versions (such state is rebuilt: see the
 * README's reset).
 *
 * <ul>
 *   <li>{@link StoredArticle} (format {@value #FORMAT}): the {@link ArticleRef} (id, version, url, source and
 *       title as nullable strings, publication time), the fingerprint's {@link FingerprintCodec} bytes
 *       (length-prefixed), then the versions (number, text hash, publication time, characters).
 *   <li>{@link BandProbe} (format {@value #FORMAT_PARTITIONED}): article id, publication millis (zig-zag),
 *       version, key count, probes, indexing millis (zig-zag), then the keys (count, 8 bytes each).
 *   <li>{@link BucketMember}: format, article id, publication and indexing millis (zig-zag).
 *   <li>{@link BucketReply}: format, article id, version, key count, probes, then the members published at
 *       or before the article (count, each id and shared-bucket count), then, when any, those published
 *       after it, the same way (a reply that ends before them has none).
 *   <li>the marks of {@code pair-store} ({@link PairMarks}): one byte, no format byte (the eight-byte longs
 *       of earlier versions are read too).
 *   <li>{@link ScoringRequest}: format, the article's ref and fingerprint as in a stored article, then the
 *       candidate ids (count, ids), then, in a story round only, the story requests of the round.
 *   <li>{@link StoryReply}: format, article id, version, requests, settled (one byte), then the members
 *       (count; each id, nullable source, shared count, then the found bits: count of words, 8 bytes each).
 *   <li>{@link StoryRequest}: format, the rewrite's ref and fingerprint as in a stored article, the best
 *       version's id, the share (8 bytes, IEEE 754), the versions.
 * </ul>
 *
 * <p>Strings are varint byte length + UTF-8 (nullable ones length + 1, 0 for null); instants are
 * nanoseconds + 1 (0 for null) then zig-zag epoch seconds.
 */
final class BinarySerdes {

    /** Format byte of {@link StoredArticle} (and the article inside a {@link ScoringRequest}). */
    static final int FORMAT = 1;

    /**
     * Format byte of the records of the partition-grouped index ({@link BandProbe}, {@link BucketMember},
     * {@link BucketReply}, {@link ScoringRequest}, {@link CandidateCollector.Gathering}). Formats 1 and 2 of
     * the per-band index they replaced (band entries, whole buckets, per-band replies, candidate pairs) are
     * refused: such state is rebuilt by the README's reset.
     */
    static final int FORMAT_PARTITIONED = 3;

    private BinarySerdes() {}

    static final Serde<BandProbe> BAND_PROBE = serde(
            probe -> {
                Out out = new Out(40 + probe.articleId().length() + 9 * probe.keys().length);
                out.write(FORMAT_PARTITIONED)
                        .string(probe.articleId())
                        .zigzag(probe.publishedAtMillis())
                        .varint(probe.version())
                        .varint(probe.keyCount())
                        .varint(probe.probes())
                        .zigzag(probe.indexedAtMillis())
                        .varint(probe.keys().length);
                for (long key : probe.keys()) {
                    out.fixedLong(key);
                }
                return out.toByteArray();
            },
            bytes -> {
                In in = start(bytes, FORMAT_PARTITIONED);
                String id = in.string();
                long published = in.zigzag();
                int version = in.varint();
                int keyCount = in.varint();
                int probes = in.varint();
                long indexed = in.zigzag();
                int n = in.varint();
                if (n > in.remaining() / 8) {
                    throw new IllegalArgumentException("band probe declares " + n + " keys");
                }
                long[] keys = new long[n];
                for (int k = 0; k < n; k++) {
                    keys[k] = in.fixedLong();
                }
                end(in);
                return new BandProbe(id, published, version, keyCount, probes, indexed, keys);
            });

    static final Serde<BucketMember> BUCKET_MEMBER = serde(
            member -> new Out(24 + member.articleId().length())
                    .write(FORMAT_PARTITIONED)
                    .string(member.articleId())
                    .zigzag(member.publishedAtMillis())
                    .zigzag(member.indexedAtMillis())
                    .toByteArray(),
            bytes -> {
                In in = start(bytes, FORMAT_PARTITIONED);
                BucketMember member = new BucketMember(in.string(), in.zigzag(), in.zigzag());
                end(in);
                return member;
            });

    static final Serde<BucketReply> BUCKET_REPLY = serde(
            reply -> {
                Out out =
                        new Out(24 + 24 * (reply.shared().size() + reply.later().size() + 2));
                out.write(FORMAT_PARTITIONED)
                        .string(reply.articleId())
                        .varint(reply.version())
                        .varint(reply.keyCount())
                        .varint(reply.probes());
                writeCounts(out, reply.shared());
                if (!reply.later().isEmpty()) {
                    writeCounts(out, reply.later());
                }
                return out.toByteArray();
            },
            bytes -> {
                In in = start(bytes, FORMAT_PARTITIONED);
                String id = in.string();
                int version = in.varint();
                int keyCount = in.varint();
                int probes = in.varint();
                Map<String, Integer> shared = readCounts(in);
                Map<String, Integer> later = in.done() ? Map.of() : readCounts(in);
                end(in);
                return new BucketReply(id, version, keyCount, probes, shared, later);
            });

    /** Member id → count: the count, then each id and its count. */
    static void writeCounts(Out out, Map<String, Integer> counts) {
        out.varint(counts.size());
        counts.forEach((id, n) -> out.string(id).varint(n));
    }

    static Map<String, Integer> readCounts(In in) {
        int n = in.varint();
        Map<String, Integer> counts = new LinkedHashMap<>(Math.min(2 * n, 4096));
        for (int k = 0; k < n; k++) {
            counts.put(in.string(), in.varint());
        }
        return counts;
    }

    static final Serde<ScoringRequest> SCORING_REQUEST = serde(
            request -> {
                String text = request.fingerprint().text();
                Out out = new Out(512 + 2 * (text == null ? 0 : text.length()));
                out.write(FORMAT_PARTITIONED);
                writeRef(out, request.ref());
                out.blob(FingerprintCodec.encode(request.fingerprint()));
                writeIds(out, request.candidates());
                if (request.storyRequests() > 0) {
                    out.varint(request.storyRequests());
                }
                return out.toByteArray();
            },
            bytes -> {
                In in = start(bytes, FORMAT_PARTITIONED);
                ArticleRef ref = readRef(in);
                ArticleFingerprint fingerprint = FingerprintCodec.decode(in.blob());
                List<String> candidates = readIds(in);
                int storyRequests = in.done() ? 0 : in.varint();
                end(in);
                return new ScoringRequest(ref, fingerprint, candidates, storyRequests);
            });

    static final Serde<StoryReply> STORY_REPLY = serde(
            reply -> {
                int words = 0;
                for (StoryReply.Member m : reply.members()) {
                    words += m.found().length;
                }
                Out out = new Out(32 + 48 * reply.members().size() + 8 * words);
                out.write(FORMAT_PARTITIONED)
                        .string(reply.articleId())
                        .varint(reply.version())
                        .varint(reply.requests())
                        .write(reply.settled() ? 1 : 0);
                writeMembers(out, reply.members());
                return out.toByteArray();
            },
            bytes -> {
                In in = start(bytes, FORMAT_PARTITIONED);
                String id = in.string();
                int version = in.varint();
                int requests = in.varint();
                boolean settled = in.read() != 0;
                List<StoryReply.Member> members = readMembers(in);
                end(in);
                return new StoryReply(id, version, requests, settled, members);
            });

    /** Story members: the count, then each id, nullable source, shared count and found bits. */
    static void writeMembers(Out out, List<StoryReply.Member> members) {
        out.varint(members.size());
        for (StoryReply.Member m : members) {
            out.string(m.id()).nullableString(m.source()).varint(m.shared()).varint(m.found().length);
            for (long word : m.found()) {
                out.fixedLong(word);
            }
        }
    }

    static List<StoryReply.Member> readMembers(In in) {
        int n = in.varint();
        List<StoryReply.Member> members = new ArrayList<>(Math.min(n, 1024));
        for (int k = 0; k < n; k++) {
            String id = in.string();
            String source = in.nullableString();
            int shared = in.varint();
            int words = in.varint();
            if (words > in.remaining() / 8) {
                throw new IllegalArgumentException("story member declares " + words + " words");
            }
            long[] found = new long[words];
            for (int w = 0; w < words; w++) {
                found[w] = in.fixedLong();
            }
            members.add(new StoryReply.Member(id, source, shared, found));
        }
        return List.copyOf(members);
    }

    static final Serde<StoryRequest> STORY_REQUEST = serde(
            request -> {
                String text = request.fingerprint().text();
                Out out = new Out(512 + 2 * (text == null ? 0 : text.length()));
                out.write(FORMAT_PARTITIONED);
                writeRef(out, request.rewrite());
                out.blob(FingerprintCodec.encode(request.fingerprint()));
                out.string(request.original())
                        .fixedLong(Double.doubleToLongBits(request.share()))
                        .varint(request.versions());
                return out.toByteArray();
            },
            bytes -> {
                In in = start(bytes, FORMAT_PARTITIONED);
                ArticleRef ref = readRef(in);
                ArticleFingerprint fingerprint = FingerprintCodec.decode(in.blob());
                String original = in.string();
                double share = Double.longBitsToDouble(in.fixedLong());
                int versions = in.varint();
                end(in);
                return new StoryRequest(ref, fingerprint, original, share, versions);
            });

    /**
     * The marks of {@code pair-store} ({@link PairMarks}): one byte each. Earlier versions stored them as
     * eight-byte big-endian longs, which are still read, so an upgrade needs no reset.
     */
    static final Serde<Long> PAIR_MARK = serde(
            mark -> {
                if (mark < 0 || mark > Byte.MAX_VALUE) {
                    throw new IllegalArgumentException("pair mark out of range: " + mark);
                }
                return new byte[] {(byte) (long) mark};
            },
            bytes -> switch (bytes.length) {
                case 1 -> (long) bytes[0];
                case Long.BYTES -> Serdes.Long().deserializer().deserialize(null, bytes);
                default -> throw new IllegalArgumentException("pair mark of " + bytes.length + " bytes");
            });

    static final Serde<StoredArticle> STORED_ARTICLE = serde(
            article -> {
                Out out = new Out(textCapacity(article));
                out.write(FORMAT);
                writeArticle(out, article);
                return out.toByteArray();
            },
            bytes -> {
                In in = start(bytes);
                StoredArticle article = readArticle(in);
                end(in);
                return article;
            });

    private static int textCapacity(StoredArticle article) {
        String text =
                article.fingerprint() == null ? null : article.fingerprint().text();
        return 512 + 2 * (text == null ? 0 : text.length());
    }

    private static void writeRef(Out out, ArticleRef ref) {
        out.string(ref.id());
        out.varint(ref.version());
        out.nullableString(ref.url());
        out.nullableString(ref.source());
        out.nullableString(ref.title());
        writeInstant(out, ref.publishedAt());
    }

    private static ArticleRef readRef(In in) {
        return new ArticleRef(
                in.string(),
                in.varint(),
                in.nullableString(),
                in.nullableString(),
                in.nullableString(),
                readInstant(in));
    }

    private static void writeArticle(Out out, StoredArticle article) {
        writeRef(out, article.ref());
        out.blob(FingerprintCodec.encode(article.fingerprint()));
        out.varint(article.versions().size());
        for (StoredArticle.Version v : article.versions()) {
            out.varint(v.version());
            out.zigzag(v.textHash());
            writeInstant(out, v.publishedAt());
            out.varint(v.characters());
        }
    }

    private static StoredArticle readArticle(In in) {
        ArticleRef ref = readRef(in);
        ArticleFingerprint fingerprint = FingerprintCodec.decode(in.blob());
        int n = in.varint();
        List<StoredArticle.Version> versions = new ArrayList<>(Math.min(n, 1024));
        for (int k = 0; k < n; k++) {
            versions.add(new StoredArticle.Version(in.varint(), in.zigzag(), readInstant(in), in.varint()));
        }
        return new StoredArticle(ref, fingerprint, List.copyOf(versions));
    }

    /** Epoch seconds (zig-zag), then nanoseconds + 1 (0 for a null instant, which has no seconds). */
    private static void writeInstant(Out out, Instant instant) {
        if (instant == null) {
            out.write(0);
            return;
        }
        out.varint(instant.getNano() + 1);
        out.zigzag(instant.getEpochSecond());
    }

    private static Instant readInstant(In in) {
        int nanos = in.varint() - 1;
        return nanos < 0 ? null : Instant.ofEpochSecond(in.zigzag(), nanos);
    }

    static void writeIds(Out out, List<String> ids) {
        out.varint(ids.size());
        for (String id : ids) {
            out.string(id);
        }
    }

    static List<String> readIds(In in) {
        int n = in.varint();
        List<String> ids = new ArrayList<>(Math.min(n, 1024));
        for (int k = 0; k < n; k++) {
            ids.add(in.string());
        }
        return List.copyOf(ids);
    }

    private static In start(byte[] bytes) {
        return start(bytes, FORMAT);
    }

    private static In start(byte[] bytes, int expected) {
        In in = new In(bytes);
        int format = in.read();
        if (format != expected) {
            throw new IllegalArgumentException("unsupported binary record format " + format);
        }
        return in;
    }

    private static void end(In in) {
        if (!in.done()) {
            throw new IllegalArgumentException("trailing bytes after binary record");
        }
    }

    private static <T> Serde<T> serde(Function<T, byte[]> encode, Function<byte[], T> decode) {
        Serializer<T> serializer = (topic, value) -> value == null ? null : encode.apply(value);
        Deserializer<T> deserializer = (topic, bytes) -> bytes == null ? null : decode.apply(bytes);
        return Serdes.serdeFrom(serializer, deserializer);
    }
}
