package org.rewriteradar.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * A {@link BucketIndex} holding buckets in memory answers every join exactly as one reading the store, and
 * leaves the store exactly the same, whatever the joins, re-joins, expiries, evictions, lowered capacities, full buckets' answers
 * and sweeps, and however small its cache.
 */
class BucketCacheEquivalencePropertyTest {

    /** A join (band, article, capacity, full answers, cutoff step) or, when {@code band} is negative, a sweep. */
    record Step(int band, int article, int capacity, int fullAnswers, int cutoffStep, int sweepLimit) {}

    @Provide
    Arbitrary<Step> steps() {
        return Combinators.combine(
                        Arbitraries.integers().between(-1, 4),
                        Arbitraries.integers().between(0, 11),
                        Arbitraries.integers().between(1, 6),
                        Arbitraries.integers().between(0, 7),
                        Arbitraries.integers().between(0, 3),
                        Arbitraries.integers().between(1, 7))
                .as(Step::new);
    }

    @Property(tries = 300)
    void aCachedIndexAnswersAndStoresAsTheStoreDoes(
            @ForAll @Size(max = 120) List<@net.jqwik.api.From("steps") Step> steps,
            @ForAll @IntRange(min = 1, max = 12) int cacheMembers) {
        KeyValueStore<Bytes, byte[]> plainStore = store("plain");
        KeyValueStore<Bytes, byte[]> cachedStore = store("cached");
        BucketIndex plain = new BucketIndex(plainStore, 0);
        BucketIndex cached = new BucketIndex(cachedStore, cacheMembers);
        long now = 1_000;
        long cutoff = 0;
        for (Step step : steps) {
            now += 10;
            cutoff += 3 * step.cutoffStep();
            if (step.band() < 0) {
                assertThat(cached.sweep(cutoff, step.sweepLimit())).isEqualTo(plain.sweep(cutoff, step.sweepLimit()));
            } else {
                BucketMember member = new BucketMember("a" + step.article(), now, now);
                List<BucketMember> plainOthers = new ArrayList<>();
                List<BucketMember> cachedOthers = new ArrayList<>();
                BucketIndex.Joined p =
                        plain.join(step.band(), member, step.capacity(), step.fullAnswers(), cutoff, plainOthers::add);
                BucketIndex.Joined c = cached.join(
                        step.band(), member, step.capacity(), step.fullAnswers(), cutoff, cachedOthers::add);
                assertThat(cachedOthers).isEqualTo(plainOthers);
                assertThat(c).isEqualTo(p);
            }
            assertThat(contents(cachedStore)).isEqualTo(contents(plainStore));
            assertThat(cached.cachedMembers()).isBetween(0L, (long) cacheMembers);
        }
    }

    private static KeyValueStore<Bytes, byte[]> store(String name) {
        MockProcessorContext<String, BucketReply> context = new MockProcessorContext<>();
        KeyValueStore<Bytes, byte[]> store = Stores.keyValueStoreBuilder(
                        Stores.inMemoryKeyValueStore(name), Serdes.Bytes(), Serdes.ByteArray())
                .withLoggingDisabled()
                .build();
        store.init(context.getStateStoreContext(), store);
        return store;
    }

    private static List<String> contents(KeyValueStore<Bytes, byte[]> store) {
        List<String> out = new ArrayList<>();
        try (KeyValueIterator<Bytes, byte[]> it = store.all()) {
            while (it.hasNext()) {
                KeyValue<Bytes, byte[]> e = it.next();
                out.add(e.key + "=" + BinarySerdes.BUCKET_MEMBER.deserializer().deserialize(null, e.value));
            }
        }
        return out;
    }
}
