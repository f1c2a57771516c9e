package org.rewriteradar.streams;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

/** {@link ExpiryIndex}: members due before a cutoff, oldest first, each scan starting where the last one stopped. */
class ExpiryIndexTest {

    final KeyValueStore<String, Long> backing = store();
    final ObservedStore<String, Long> observed = new ObservedStore<>(backing);
    final ExpiryIndex index = new ExpiryIndex(observed.store, true);

    @Test
    void removesTheMembersIndexedBeforeTheCutoffOldestFirst() {
        index.schedule("c", 3000, Long.MIN_VALUE);
        index.schedule("a", 1000, Long.MIN_VALUE);
        index.schedule("b", 2000, Long.MIN_VALUE);

        assertThat(index.removeOlderThan(2001)).containsExactly("a", "b");
        assertThat(index.removeOlderThan(3000)).isEmpty();
        assertThat(index.removeOlderThan(3001)).containsExactly("c");
    }

    @Test
    void aScanStartsWhereThePreviousOneStoppedNotAtTheTombstonesBehindIt() {
        for (int t = 1; t <= 100; t++) {
            index.schedule("m" + t, t * 1000L, Long.MIN_VALUE);
        }
        assertThat(index.removeOlderThan(50_500)).hasSize(50);
        assertThat(index.removeOlderThan(60_500)).hasSize(10);

        assertThat(observed.rangeStarts).hasSize(2);
        assertThat(observed.rangeStarts.get(1))
                .isEqualTo(ExpiryIndex.key(50_500, "").substring(0, 16));
    }

    @Test
    void aMemberIndexedBeforeTheLastCutoffIsStillRemoved() {
        index.schedule("new", 10_000, Long.MIN_VALUE);
        assertThat(index.removeOlderThan(5000)).isEmpty();
        index.schedule("late", 1000, Long.MIN_VALUE); // indexed at a time the last scan had passed

        assertThat(index.removeOlderThan(5000)).containsExactly("late");
        assertThat(index.removeOlderThan(20_000)).containsExactly("new");
    }

    private static KeyValueStore<String, Long> store() {
        MockProcessorContext<String, Long> context = new MockProcessorContext<>();
        KeyValueStore<String, Long> store = Stores.keyValueStoreBuilder(
                        Stores.inMemoryKeyValueStore("expiry"), Serdes.String(), Serdes.Long())
                .withLoggingDisabled()
                .build();
        store.init(context.getStateStoreContext(), store);
        return store;
    }
}
