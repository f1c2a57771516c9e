package org.rewriteradar.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.utils.Bytes;
import org.junit.jupiter.api.Test;

/**
 * {@link BucketIndex} with buckets held in memory: every behaviour of {@link BucketIndexTest} again, and the
 * cache's own bounds.
 */
class CachedBucketIndexTest extends BucketIndexTest {

    @Override
    long cacheMembers() {
        return 5;
    }

    @Test
    void keepsBucketsOfTwoOrMoreMembersAndLetsTheLeastRecentlyJoinedGo() {
        join(1, "a", 10, 64, 0);
        assertThat(buckets.cachedMembers()).isZero(); // a bucket of one is not kept
        join(1, "b", 11, 64, 0);
        assertThat(buckets.cachedMembers()).isEqualTo(2);
        join(2, "c", 12, 64, 0);
        join(2, "d", 13, 64, 0);
        join(1, "e", 14, 64, 0);
        assertThat(buckets.cachedMembers()).isEqualTo(5);
        join(3, "f", 15, 64, 0);
        join(3, "g", 16, 64, 0); // over 5: bucket 2, joined least recently, leaves memory
        assertThat(buckets.cachedMembers()).isEqualTo(5);
        // and is read from the store again, as it is there
        assertThat(join(2, "h", 17, 64, 0)).containsExactly("d", "c");
        assertThat(members(2)).containsExactly("c", "d", "h");
    }

    @Test
    void theSweepDropsTheBucketsItChangesFromMemory() {
        join(1, "old", 10, 64, 0);
        join(1, "new", 100, 64, 0);
        assertThat(buckets.cachedMembers()).isEqualTo(2);
        assertThat(buckets.sweep(50, 100)).isOne();
        assertThat(buckets.cachedMembers()).isZero();
        assertThat(join(1, "x", 200, 64, 0)).containsExactly("new");
    }

    @Test
    void readsAFullBucketFromTheStoreNoFurtherThanItsOldestMemberAndOnWhenAJoinNeedsMore() {
        for (String id : List.of("a", "b", "c", "d")) {
            join(1, id, 10, 10, 0);
        }
        ObservedStore<Bytes, byte[]> observed = new ObservedStore<>(store);
        AtomicInteger reads = observed.reads;
        BucketIndex fresh = new BucketIndex(observed.store, cacheMembers());
        List<String> met = new ArrayList<>();
        // capacity 2: d stays, c leaves; b and a lie past it and are not read
        fresh.join(1, new BucketMember("e", 0, 20), 2, 2, 0, m -> met.add(m.articleId()));
        assertThat(met).containsExactly("d", "c");
        assertThat(reads).hasValue(2);
        met.clear();
        // a larger capacity reads on from the store past the cached entries, once
        fresh.join(1, new BucketMember("f", 0, 30), 10, 10, 0, m -> met.add(m.articleId()));
        assertThat(met).containsExactlyInAnyOrder("e", "d", "b", "a");
        assertThat(reads).hasValue(4);
        fresh.join(1, new BucketMember("g", 0, 40), 10, 10, 0, m -> {});
        assertThat(reads).hasValue(4);
        assertThat(members(1)).containsExactly("a", "b", "d", "e", "f", "g");
    }
}
