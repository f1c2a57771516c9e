package org.rewriteradar.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link BucketIndex}: bounded buckets in joining order, one entry per member, expiry on read and by sweep. */
class BucketIndexTest {

    KeyValueStore<Bytes, byte[]> store;
    BucketIndex buckets;

    @BeforeEach
    void setUp() {
        MockProcessorContext<String, BucketReply> context = new MockProcessorContext<>();
        store = Stores.keyValueStoreBuilder(
                        Stores.inMemoryKeyValueStore(RadarTopology.BUCKET_STORE), Serdes.Bytes(), Serdes.ByteArray())
                .withLoggingDisabled()
                .build();
        store.init(context.getStateStoreContext(), store);
        buckets = new BucketIndex(store, cacheMembers());
    }

    /** Members the index under test keeps in memory: none here; {@link CachedBucketIndexTest} keeps some. */
    long cacheMembers() {
        return 0;
    }

    List<String> join(long band, String id, long indexedAt, int capacity, long cutoff) {
        return join(band, id, indexedAt, capacity, capacity, cutoff);
    }

    List<String> join(long band, String id, long indexedAt, int capacity, int fullAnswers, long cutoff) {
        List<String> others = new ArrayList<>();
        buckets.join(
                band,
                new BucketMember(id, 0, indexedAt),
                capacity,
                fullAnswers,
                cutoff,
                m -> others.add(m.articleId()));
        return others;
    }

    List<String> members(long band) {
        return buckets.members(band).stream().map(BucketMember::articleId).toList();
    }

    int entries() {
        int n = 0;
        try (KeyValueIterator<Bytes, byte[]> it = store.all()) {
            while (it.hasNext()) {
                it.next();
                n++;
            }
        }
        return n;
    }

    @Test
    void answersWithTheMembersBeforeTheJoinOldestFirstAndKeepsBucketsApart() {
        assertThat(join(7, "a", 10, 64, 0)).isEmpty();
        assertThat(join(7, "b", 11, 64, 0)).containsExactly("a");
        assertThat(join(-7, "c", 12, 64, 0)).isEmpty();
        assertThat(join(7, "c", 13, 64, 0)).containsExactly("b", "a"); // newest first
        assertThat(members(7)).containsExactly("a", "b", "c");
        assertThat(members(-7)).containsExactly("c");
        assertThat(members(Long.MIN_VALUE)).isEmpty();
    }

    @Test
    void aFullBucketLetsItsFirstMemberGo() {
        join(1, "a", 10, 2, 0);
        join(1, "b", 11, 2, 0);
        List<String> others = new ArrayList<>();
        BucketIndex.Joined joined =
                buckets.join(1, new BucketMember("c", 0, 12), 2, 2, 0, m -> others.add(m.articleId()));
        assertThat(others).containsExactly("b", "a"); // "a" was in the bucket when "c" came
        assertThat(joined.evicted()).isOne();
        assertThat(members(1)).containsExactly("b", "c");
        assertThat(entries()).isEqualTo(2);
    }

    @Test
    void aFullBucketAnswersWithItsNewestMembersOnly() {
        assertThat(join(1, "a", 10, 3, 1, 0)).isEmpty();
        assertThat(join(1, "b", 11, 3, 1, 0)).containsExactly("a");
        assertThat(join(1, "c", 12, 3, 1, 0)).containsExactly("b", "a"); // two of three places: not full
        assertThat(join(1, "d", 13, 3, 1, 0)).containsExactly("c"); // full: the newest only
        assertThat(members(1)).containsExactly("b", "c", "d");
        assertThat(join(1, "e", 14, 3, 0, 0)).isEmpty(); // full, answering none
        assertThat(join(2, "a", 10, 3, 0, 0)).isEmpty();
        assertThat(join(2, "b", 11, 3, 0, 0)).containsExactly("a"); // not full: all, whatever fullAnswers
    }

    @Test
    void aFullBucketWithExpiredMembersIsNotFull() {
        join(1, "a", 10, 3, 1, 0);
        join(1, "b", 11, 3, 1, 0);
        join(1, "c", 12, 3, 1, 0);
        // "a" has expired: two members remain, the bucket is not full and answers with both
        assertThat(join(1, "d", 13, 3, 1, 11)).containsExactly("c", "b");
    }

    @Test
    void aBucketIsReadNoFurtherBackThanItsCapacity() {
        for (int k = 0; k < 10; k++) {
            join(1, "m" + k, 10 + k, 64, 0);
        }
        // the capacity lowered to 3: the join meets the newest three and lets the third go, not all ten
        assertThat(join(1, "x", 30, 3, 0)).containsExactly("m9", "m8", "m7");
        assertThat(members(1)).containsExactly("m0", "m1", "m2", "m3", "m4", "m5", "m6", "m8", "m9", "x");
    }

    @Test
    void aNewVersionReplacesTheArticlesEntryAndMovesToTheEnd() {
        join(1, "a", 10, 64, 0);
        join(1, "b", 11, 64, 0);
        assertThat(join(1, "a", 20, 64, 0)).containsExactly("b");
        assertThat(members(1)).containsExactly("b", "a");
        assertThat(buckets.members(1).get(1).indexedAtMillis()).isEqualTo(20);
    }

    @Test
    void dropsMembersIndexedBeforeTheCutoffWhenTheBucketIsRead() {
        join(1, "old", 10, 64, 0);
        join(1, "new", 100, 64, 0);
        List<String> others = new ArrayList<>();
        BucketIndex.Joined joined =
                buckets.join(1, new BucketMember("x", 0, 200), 64, 64, 50, m -> others.add(m.articleId()));
        assertThat(others).containsExactly("new");
        assertThat(joined.expired()).isOne();
        assertThat(members(1)).containsExactly("new", "x");
    }

    @Test
    void theSweepVisitsABoundedSliceAndResumesWhereItStopped() {
        for (int band = 0; band < 10; band++) {
            join(spread(band), "old-" + band, 10, 64, 0);
            join(spread(band), "new-" + band, 100, 64, 0);
        }
        assertThat(entries()).isEqualTo(20);
        int removed = 0;
        int sweeps = 0;
        while (entries() > 10) {
            removed += buckets.sweep(50, 3);
            sweeps++;
            assertThat(sweeps).isLessThanOrEqualTo(5);
        }
        assertThat(removed).isEqualTo(10);
        assertThat(sweeps).isEqualTo(5); // 20 entries, 3 per sweep and the rest of the last bucket visited
        for (int band = 0; band < 10; band++) {
            assertThat(members(spread(band))).containsExactly("new-" + band);
        }
        // a new pass starts from the beginning and finds nothing more
        assertThat(buckets.sweep(50, 100)).isZero();
    }

    @Test
    void theSweepStopsOnlyBetweenBandsThatDifferBeforeTheirLastByte() {
        // bands 1 and 2 share their first seven bytes: the sweep's cursor cannot tell them apart
        join(1, "a", 10, 64, 0);
        join(2, "b", 10, 64, 0);
        join(spread(1), "c", 10, 64, 0);

        assertThat(buckets.sweep(50, 1)).isEqualTo(2);
        assertThat(buckets.sweep(50, 1)).isOne();
        assertThat(entries()).isZero();
    }

    /** A band that differs from the bands of other {@code n} in its first bytes. */
    static long spread(int n) {
        return (long) n << 40;
    }
}
