package org.rewriteradar.streams;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.CompactionStyle;
import org.rocksdb.CompressionType;
import org.rocksdb.Options;

/**
 * RocksDB settings of the stores ({@code kafka-streams.rocksdb.config.setter}).
 *
 * <ul>
 *   <li>LZ4 block compression, where Kafka Streams leaves RocksDB uncompressed. The articles' normalised
 *       text, the largest part of {@code article-store}, and the alerts' JSON in {@code rewrite-store}
 *       compress well; the fingerprints' hash sets hardly at all. LZ4 costs little CPU on writes and reads of
 *       cached blocks.
 *   <li>Levelled compaction for {@code bucket-store}, where Kafka Streams chooses universal compaction. Every
 *       join starts with a seek into its bucket, and a seek visits every sorted run of the store: universal
 *       compaction keeps more of them as the store grows, levelled compaction one per level, so the cost of a
 *       join stays nearly flat as the index grows, at the price of more compaction work on writes. The other
 *       stores are read by key, where bloom filters skip the runs that lack it.
 * </ul>
 */
public final class RadarRocksDbConfig implements RocksDBConfigSetter {

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        options.setCompressionType(CompressionType.LZ4_COMPRESSION);
        if (storeName.equals(RadarTopology.BUCKET_STORE)) {
            options.setCompactionStyle(CompactionStyle.LEVEL);
            options.setLevelCompactionDynamicLevelBytes(true);
        }
    }

    @Override
    public void close(String storeName, Options options) {
        // nothing allocated here
    }
}
