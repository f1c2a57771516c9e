package org.rewriteradar.streams;

import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.rewriteradar.kafka.AppStreamsConfig;

/**
 * A real RocksDB {@code bucket-store} outside any topology, with the service's Streams settings (so its
 * {@link RadarRocksDbConfig}), no changelog and no cache: what tests and tools of {@link BucketIndex} open.
 */
public final class StandaloneBucketStore {

    private StandaloneBucketStore() {}

    /** Opens the store under {@code stateDir}, as task 0_0 of application {@code applicationId}. */
    public static KeyValueStore<Bytes, byte[]> open(Path stateDir, String applicationId) {
        Properties props = new Properties();
        props.putAll(AppStreamsConfig.streamsSettings());
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        MockProcessorContext<String, BucketReply> context =
                new MockProcessorContext<>(props, new TaskId(0, 0), stateDir.toFile());
        KeyValueStore<Bytes, byte[]> store = Stores.keyValueStoreBuilder(
                        Stores.persistentKeyValueStore(RadarTopology.BUCKET_STORE), Serdes.Bytes(), Serdes.ByteArray())
                .withLoggingDisabled()
                .withCachingDisabled()
                .build();
        store.init(context.getStateStoreContext(), store);
        return store;
    }
}
