package org.rewriteradar.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rewriteradar.StateDirs;

/**
 * {@link BucketIndex} over a real RocksDB {@code bucket-store} with the service's settings (its prefix bloom
 * filter on the band), the entries spread over several sorted runs, each holding other bands: joins find
 * their whole bucket, and one pass of the sweep, which walks across bands, visits every entry.
 */
class BucketIndexRocksDbTest {

    /** Sorted runs: three flushed tables, fewer than would start a compaction, and the memtable. */
    static final int RUNS = 4;

    static final int BANDS_PER_RUN = 300;

    Path stateDir;
    KeyValueStore<Bytes, byte[]> store;
    BucketIndex buckets;
    final Random random = new Random(20220127);

    @BeforeEach
    void setUp() {
        stateDir = StateDirs.fresh("bucket-index-rocksdb");
        store = StandaloneBucketStore.open(stateDir, "bucket-index-rocksdb");
        buckets = new BucketIndex(store, 0);
    }

    @AfterEach
    void tearDown() {
        store.close();
        StateDirs.delete(stateDir);
    }

    /** Joins {@code id} to {@code band}; returns the other members it met. */
    List<String> join(long band, String id, long indexedAt) {
        List<String> others = new ArrayList<>();
        buckets.join(band, new BucketMember(id, 0, indexedAt), 32, 4, 0, m -> others.add(m.articleId()));
        return others;
    }

    @Test
    void aJoinMeetsTheMembersOfItsBucketInEveryTable() {
        long band = random.nextLong();
        for (int t = 0; t < RUNS; t++) {
            join(band, "member-" + t, 100);
            for (int b = 0; b < BANDS_PER_RUN; b++) {
                join(random.nextLong(), "other-" + t + "-" + b, 100);
            }
            if (t < RUNS - 1) {
                store.flush();
            }
        }

        List<String> met = join(band, "late", 100);

        assertThat(met).hasSize(RUNS).contains("member-0", "member-" + (RUNS - 1));
    }

    @Test
    void onePassOfTheSweepRemovesEveryExpiredEntryOfEveryTable() {
        Set<Long> expired = new HashSet<>();
        Set<Long> live = new HashSet<>();
        for (int t = 0; t < RUNS; t++) {
            boolean old = t % 2 == 0;
            for (int b = 0; b < BANDS_PER_RUN; b++) {
                long band = random.nextLong();
                join(band, "article-" + t + "-" + b, old ? 10 : 100);
                (old ? expired : live).add(band);
            }
            if (t < RUNS - 1) {
                store.flush(); // one table per round, interleaving expired and live bands in key order
            }
        }
        int entries = RUNS * BANDS_PER_RUN;
        int limit = 25;

        int removed = 0;
        for (int sweep = 0; sweep < (entries + limit - 1) / limit; sweep++) {
            removed += buckets.sweep(50, limit);
        }

        assertThat(removed).isEqualTo(expired.size());
        assertThat(bands()).isEqualTo(live);
    }

    /** The bands of every entry in the store, read in total order from the first key. */
    Set<Long> bands() {
        Set<Long> bands = new HashSet<>();
        try (KeyValueIterator<Bytes, byte[]> it = store.all()) {
            it.forEachRemaining(kv -> bands.add(BucketIndex.band(kv.key)));
        }
        return bands;
    }
}
