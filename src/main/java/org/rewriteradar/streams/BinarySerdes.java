package org.rewriteradar.streams;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
 * Compact binary serdes for the records written once per LSH band key of every article (the
 * {@code bucket-store} values and the {@code article-bands} and {@code bucket-replies} repartition
 * topics), where JSON cost most, and for the stored articles read for every candidate pair
 * ({@code article-store}, and the {@code candidate-pairs} / {@code scored-pairs} topics). Each form
 * starts with a format byte ({@value #FORMAT}); any other first byte is refused, including the
 * <code>'{'</code> of the JSON these serdes replaced (such state also holds fingerprints of a format
 * version {@link FingerprintCodec} refuses, so it has to be rebuilt: see the README's reset).
 *
 * <ul>
 *   <li>{@link BandEntry}: format ({@value #FORMAT_INDEXED}), article id, publication millis (zig-zag
 *       varlong), version, keys, indexing millis (zig-zag varlong; absent in format {@value #FORMAT}).
 *   <li>{@link Bucket}: format ({@value #FORMAT_INDEXED}), evicted (varlong), member count, then each
 *       member as a band entry without the format byte.
 *   <li>{@link BucketReply}: format, article id, version, keys, member count, member ids.
 *   <li>{@link StoredArticle}: format, the {@link ArticleRef} (id, version, url, source and title as
 *       nullable strings, publication time), the fingerprint's {@link FingerprintCodec} bytes
 *       (length-prefixed, instead of JSON's base64 of them), then the versions (number, text hash,
 *       publication time, characters).
 *   <li>{@link CandidatePair}: format, first, second and indexed id, then 0, or 1 and the first article
 *       as above without the format byte.
 * </ul>
 *
 * <p>Strings are varint byte length + UTF-8 (nullable ones length + 1, 0 for null); instants are
 * nanoseconds + 1 (0 for null) then zig-zag epoch seconds.
 */
final class BinarySerdes {

    /** Format byte of the current binary forms. */
    static final int FORMAT = 1;

    /**
     * Format byte of {@link BandEntry} and {@link Bucket} since entries carry their indexing time (each
     * entry ends with it, zig-zag varlong). Format {@value #FORMAT} entries are still read, as indexed at
     * their publication time.
     */
    static final int FORMAT_INDEXED = 2;

    private BinarySerdes() {}

    static final Serde<BandEntry> BAND_ENTRY = serde(
            entry -> {
                Out out = new Out(40 + entry.articleId().length());
                out.write(FORMAT_INDEXED);
                writeEntry(out, entry);
                return out.toByteArray();
            },
            bytes -> {
                In in = new In(bytes);
                boolean indexed = entryFormat(in);
                BandEntry entry = readEntry(in, indexed);
                end(in);
                return entry;
            });

    static final Serde<Bucket> BUCKET = serde(
            bucket -> {
                Out out = new Out(16 + 40 * bucket.members().size());
                out.write(FORMAT_INDEXED);
                out.varlong(bucket.evicted());
                out.varint(bucket.members().size());
                for (BandEntry m : bucket.members()) {
                    writeEntry(out, m);
                }
                return out.toByteArray();
            },
            bytes -> {
                In in = new In(bytes);
                boolean indexed = entryFormat(in);
                long evicted = in.varlong();
                int n = in.varint();
                List<BandEntry> members = new ArrayList<>(Math.min(n, 1024));
                for (int k = 0; k < n; k++) {
                    members.add(readEntry(in, indexed));
                }
                end(in);
                return new Bucket(List.copyOf(members), evicted);
            });

    static final Serde<BucketReply> BUCKET_REPLY = serde(
            reply -> {
                Out out = new Out(16 + 24 * (reply.members().size() + 1));
                out.write(FORMAT);
                out.string(reply.articleId());
                out.varint(reply.version());
                out.varint(reply.keys());
                writeIds(out, reply.members());
                return out.toByteArray();
            },
            bytes -> {
                In in = start(bytes);
                String id = in.string();
                int version = in.varint();
                int keys = in.varint();
                List<String> members = readIds(in);
                end(in);
                return new BucketReply(id, version, keys, members);
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

    static final Serde<CandidatePair> CANDIDATE_PAIR = serde(
            pair -> {
                Out out = new Out(64 + (pair.first() == null ? 0 : textCapacity(pair.first())));
                out.write(FORMAT);
                out.string(pair.firstId());
                out.string(pair.secondId());
                out.string(pair.indexedId());
                if (pair.first() == null) {
                    out.write(0);
                } else {
                    out.write(1);
                    writeArticle(out, pair.first());
                }
                return out.toByteArray();
            },
            bytes -> {
                In in = start(bytes);
                String firstId = in.string();
                String secondId = in.string();
                String indexedId = in.string();
                StoredArticle first = in.read() == 0 ? null : readArticle(in);
                end(in);
                return new CandidatePair(firstId, secondId, indexedId, first);
            });

    private static int textCapacity(StoredArticle article) {
        String text =
                article.fingerprint() == null ? null : article.fingerprint().text();
        return 512 + 2 * (text == null ? 0 : text.length());
    }

    private static void writeArticle(Out out, StoredArticle article) {
        ArticleRef ref = article.ref();
        out.string(ref.id());
        out.varint(ref.version());
        out.nullableString(ref.url());
        out.nullableString(ref.source());
        out.nullableString(ref.title());
        writeInstant(out, ref.publishedAt());
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
        ArticleRef ref = new ArticleRef(
                in.string(),
                in.varint(),
                in.nullableString(),
                in.nullableString(),
                in.nullableString(),
                readInstant(in));
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

    private static void writeEntry(Out out, BandEntry entry) {
        out.string(entry.articleId());
        out.zigzag(entry.publishedAtMillis());
        out.varint(entry.version());
        out.varint(entry.keys());
        out.zigzag(entry.indexedAtMillis());
    }

    private static BandEntry readEntry(In in, boolean indexed) {
        String id = in.string();
        long published = in.zigzag();
        int version = in.varint();
        int keys = in.varint();
        return new BandEntry(id, published, version, keys, indexed ? in.zigzag() : published);
    }

    /** Reads the format byte of a band entry or bucket: whether its entries carry their indexing time. */
    private static boolean entryFormat(In in) {
        int format = in.read();
        if (format != FORMAT && format != FORMAT_INDEXED) {
            throw new IllegalArgumentException("unsupported binary record format " + format);
        }
        return format == FORMAT_INDEXED;
    }

    private static In start(byte[] bytes) {
        In in = new In(bytes);
        int format = in.read();
        if (format != FORMAT) {
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
