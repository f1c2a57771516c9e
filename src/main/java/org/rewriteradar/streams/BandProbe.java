package org.rewriteradar.streams;

import java.util.Arrays;

/**
 * An article version's lookup in the LSH buckets of one partition: the value of the {@code article-bands}
 * repartition topic, one record per partition its band keys reach ({@link Partitions#ofBand}). The
 * partition's buckets answer with one {@link BucketReply} and take the article in.
 *
 * @param articleId the article
 * @param publishedAtMillis its publication time, epoch milliseconds: two articles are compared only when
 *     their publication times lie within the retention window of each other
 * @param version the article version these keys belong to
 * @param keyCount how many band keys the version has in all (the shared-key minimum depends on it)
 * @param probes how many probes (partitions) the version sent: the replies its candidates step waits for
 * @param indexedAtMillis wall-clock time, epoch milliseconds, at which this version was stored: its bucket
 *     memberships leave once the retention has passed since then, as the article leaves {@code article-store}
 * @param keys this partition's band keys of the version, ascending
 */
record BandProbe(
        String articleId,
        long publishedAtMillis,
        int version,
        int keyCount,
        int probes,
        long indexedAtMillis,
        long[] keys) {

    @Override
    public boolean equals(Object o) {
        return o instanceof BandProbe p
                && articleId.equals(p.articleId)
                && publishedAtMillis == p.publishedAtMillis
                && version == p.version
                && keyCount == p.keyCount
                && probes == p.probes
                && indexedAtMillis == p.indexedAtMillis
                && Arrays.equals(keys, p.keys);
    }

    @Override
    public int hashCode() {
        return articleId.hashCode() * 31 + Arrays.hashCode(keys);
    }

    @Override
    public String toString() {
        return "BandProbe[" + articleId + " v" + version + ", " + keys.length + " of " + keyCount + " keys, " + probes
                + " probes]";
    }
}
