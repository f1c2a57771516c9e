package org.rewriteradar.load;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.CompressionType;
import org.rocksdb.Options;

/**
 * The service's RocksDB settings before {@code bucket-store} moved to levelled compaction: LZ4 for every
 * store, Kafka Streams' universal compaction left as it is. For before/after runs of {@link LoadBenchmark}
 * ({@code --variants "universal=rocksdb.config.setter=org.rewriteradar.load.UniversalCompactionRocksDbConfig;level="}).
 */
public final class UniversalCompactionRocksDbConfig implements RocksDBConfigSetter {

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        options.setCompressionType(CompressionType.LZ4_COMPRESSION);
    }

    @Override
    public void close(String storeName, Options options) {
        // nothing allocated here
    }
}
