package org.rewriteradar.streams;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
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
 *
 * <p>One stored article's fingerprint is decoded and encoded many times on one stream thread: read from
 * {@code article-store} by {@code lookup} for every pair it is the first of, written into the pair for
 * {@code scored-pairs}, read back from it by {@code score}, and the new article read from the store by
 * {@code score} once per candidate. Each stream thread therefore keeps its recently seen fingerprints
 * ({@link FingerprintCache}): a decode of bytes equal to ones seen before, or an encode of a fingerprint
 * object seen before, returns the earlier result instead of redoing the work. The bytes are the same
 * either way.
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
        out.blob(FingerprintCache.get().encode(article.fingerprint()));
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
        ArticleFingerprint fingerprint = FingerprintCache.get().decode(in.blob());
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

    /**
     * The fingerprints a stream thread decoded or encoded last, by their exact encoded bytes and by
     * identity ({@value #DEFAULT_ENTRIES} entries, least recently used out; system property {@value
     * #ENTRIES_PROPERTY}, read when a stream thread first uses it, 0 turns it off). Only Kafka Streams'
     * stream threads keep one (other threads, e.g. HTTP workers answering queries, decode as before), so
     * its memory is bounded by the entries (about 20 KB each for a 5 KB article) times the stream threads.
     * Decoded fingerprints are shared: nothing may modify their arrays (nothing does; the engine reads
     * them, {@code candidateKeys} copies).
     */
    static final class FingerprintCache {

        static final String ENTRIES_PROPERTY = "radar.serdes.fingerprint-cache";
        static final int DEFAULT_ENTRIES = 512;

        private static final FingerprintCache NONE = new FingerprintCache(0);
        private static final ThreadLocal<FingerprintCache> CACHE = ThreadLocal.withInitial(() -> {
            int entries = Integer.getInteger(ENTRIES_PROPERTY, DEFAULT_ENTRIES);
            return entries > 0 && Thread.currentThread().getName().contains("-StreamThread-")
                    ? new FingerprintCache(entries)
                    : NONE;
        });

        private final int capacity;
        private final LinkedHashMap<Blob, ArticleFingerprint> byBytes;
        private final Map<ArticleFingerprint, byte[]> byIdentity = new IdentityHashMap<>();

        FingerprintCache(int capacity) {
            this.capacity = capacity;
            this.byBytes = new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Blob, ArticleFingerprint> eldest) {
                    if (size() > FingerprintCache.this.capacity) {
                        byIdentity.remove(eldest.getValue());
                        return true;
                    }
                    return false;
                }
            };
        }

        static FingerprintCache get() {
            return CACHE.get();
        }

        ArticleFingerprint decode(byte[] bytes) {
            if (capacity == 0) {
                return FingerprintCodec.decode(bytes);
            }
            Blob key = new Blob(bytes);
            ArticleFingerprint fp = byBytes.get(key);
            if (fp == null) {
                fp = FingerprintCodec.decode(bytes);
                remember(key, fp);
            }
            return fp;
        }

        byte[] encode(ArticleFingerprint fp) {
            if (capacity == 0) {
                return FingerprintCodec.encode(fp);
            }
            byte[] bytes = byIdentity.get(fp);
            if (bytes == null) {
                bytes = FingerprintCodec.encode(fp);
                remember(new Blob(bytes), fp);
            }
            return bytes;
        }

        private void remember(Blob key, ArticleFingerprint fp) {
            ArticleFingerprint before = byBytes.put(key, fp);
            if (before != null && before != fp) {
                byIdentity.remove(before);
            }
            byIdentity.put(fp, key.bytes);
        }

        int size() {
            return byBytes.size();
        }
    }

    /**
     * Encoded bytes as a map key: equal when the bytes are equal; the hash samples the length, the first
     * and last 32 bytes (magic, version, id and text start; the LSH keys) and a few in between.
     */
    private static final class Blob {
        final byte[] bytes;
        private final int hash;

        Blob(byte[] bytes) {
            this.bytes = bytes;
            int n = bytes.length;
            int h = n;
            for (int i = 0; i < Math.min(32, n); i++) {
                h = 31 * h + bytes[i];
            }
            for (int i = Math.max(32, n - 32); i < n; i++) {
                h = 31 * h + bytes[i];
            }
            for (int i = 1; i < 8 && n > 0; i++) {
                h = 31 * h + bytes[(int) ((long) n * i / 8)];
            }
            this.hash = h;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Blob b && b.hash == hash && Arrays.equals(b.bytes, bytes);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    private static <T> Serde<T> serde(Function<T, byte[]> encode, Function<byte[], T> decode) {
        Serializer<T> serializer = (topic, value) -> value == null ? null : encode.apply(value);
        Deserializer<T> deserializer = (topic, bytes) -> bytes == null ? null : decode.apply(bytes);
        return Serdes.serdeFrom(serializer, deserializer);
    }
}
