package org.rewriteradar.streams;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.CompressionType;
import org.rocksdb.Options;

/**
 * RocksDB settings of the stores ({@code kafka-streams.rocksdb.config.setter}): LZ4 block compression,
 * where Kafka Streams leaves RocksDB uncompressed. The articles' normalised text, the largest part of
 * {@code article-store}, and the alerts' JSON in {@code rewrite-store} compress well; the fingerprints'
 * hash sets hardly at all. LZ4 costs little CPU on writes and reads of cached blocks (BENCHMARKS.md).
 */
public final class RadarRocksDbConfig implements RocksDBConfigSetter {

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        options.setCompressionType(CompressionType.LZ4_COMPRESSION);
    }

    @Override
    public void close(String storeName, Options options) {
        // nothing allocated here
    }
}
