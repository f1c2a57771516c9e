package org.rewriteradar.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.rewriteradar.StateDirs;
import org.rewriteradar.TestConfig;
import org.rewriteradar.kafka.AppStreamsConfig;
import org.rewriteradar.similarity.DetectionSettings;
import org.rewriteradar.similarity.RewriteEngine;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.CompressionType;
import org.rocksdb.Options;

/**
 * The RocksDB stores of the real topology, opened with the service's own Streams settings, share the bounded
 * block cache ({@code rewrite-radar.rocksdb.memory-bytes}): each store reports the shared cache's capacity
 * through Kafka Streams' RocksDB metrics, where unbounded stores report Kafka Streams' own 50 MB cache each.
 */
class RadarRocksDbConfigTest {

    private static final long KAFKA_STREAMS_BLOCK_CACHE = 50L * 1024 * 1024;

    @Test
    void everyStoreSharesTheBoundedBlockCacheOfTheServiceSettings() {
        Map<String, BigInteger> capacities = blockCacheCapacities(Map.of());

        assertThat(capacities.keySet())
                .contains(RadarTopology.BUCKET_STORE, RadarTopology.ARTICLE_STORE, RadarTopology.PAIR_STORE);
        assertThat(Set.copyOf(capacities.values()))
                .containsExactly(BigInteger.valueOf(RadarRocksDbConfig.DEFAULT_MEMORY_BYTES));
    }

    @Test
    void takesTheConfiguredMemoryBound() {
        Map<String, BigInteger> capacities =
                blockCacheCapacities(Map.of(RadarRocksDbConfig.MEMORY_BYTES, String.valueOf(96L << 20)));

        assertThat(Set.copyOf(capacities.values())).containsExactly(BigInteger.valueOf(96L << 20));
    }

    @Test
    void zeroLeavesEachStoreKafkaStreamsOwnCache() {
        Map<String, BigInteger> capacities = blockCacheCapacities(Map.of(RadarRocksDbConfig.MEMORY_BYTES, "0"));

        assertThat(Set.copyOf(capacities.values())).containsExactly(BigInteger.valueOf(KAFKA_STREAMS_BLOCK_CACHE));
    }

    @Test
    void sharesOneCacheAmongStoresOfTheSameSettings() {
        Map<String, Object> settings = Map.of(RadarRocksDbConfig.MEMORY_BYTES, "1048576");

        assertThat(RadarRocksDbConfig.sharedMemory(settings)).isSameAs(RadarRocksDbConfig.sharedMemory(settings));
        assertThat(RadarRocksDbConfig.sharedMemory(settings).cache()).isNotNull();
    }

    @Test
    void bucketStoreFiltersByBandPrefixAndOtherStoresByWholeKey() {
        try (Options buckets = configured(RadarTopology.BUCKET_STORE, Map.of());
                Options articles = configured(RadarTopology.ARTICLE_STORE, Map.of())) {
            assertThat(((BlockBasedTableConfig) buckets.tableFormatConfig()).wholeKeyFiltering())
                    .isFalse();
            assertThat(buckets.memtablePrefixBloomSizeRatio()).isPositive();
            assertThat(((BlockBasedTableConfig) articles.tableFormatConfig()).wholeKeyFiltering())
                    .isTrue();
            assertThat(articles.memtablePrefixBloomSizeRatio()).isZero();
        }
    }

    @Test
    void bucketStoreFiltersByWholeKeyWhenThePrefixFilterIsOff() {
        try (Options buckets =
                configured(RadarTopology.BUCKET_STORE, Map.of(RadarRocksDbConfig.BUCKET_PREFIX_FILTER, "false"))) {
            assertThat(((BlockBasedTableConfig) buckets.tableFormatConfig()).wholeKeyFiltering())
                    .isTrue();
            assertThat(buckets.memtablePrefixBloomSizeRatio()).isZero();
        }
    }

    @Test
    void compressesTheLastLevelWithZstandardAndTheOthersWithLz4ButArticlesWithLz4Throughout() {
        try (Options buckets = configured(RadarTopology.BUCKET_STORE, Map.of());
                Options articles = configured(RadarTopology.ARTICLE_STORE, Map.of())) {
            assertThat(buckets.compressionType()).isEqualTo(CompressionType.LZ4_COMPRESSION);
            assertThat(buckets.bottommostCompressionType()).isEqualTo(CompressionType.ZSTD_COMPRESSION);
            assertThat(articles.compressionType()).isEqualTo(CompressionType.LZ4_COMPRESSION);
            assertThat(articles.bottommostCompressionType()).isEqualTo(CompressionType.LZ4_COMPRESSION);
        }
    }

    @Test
    void takesTheConfiguredCompressionsAndRefusesOthers() {
        try (Options buckets = configured(
                RadarTopology.BUCKET_STORE,
                Map.of(RadarRocksDbConfig.COMPRESSION, "none", RadarRocksDbConfig.BOTTOMMOST_COMPRESSION, " LZ4 "))) {
            assertThat(buckets.compressionType()).isEqualTo(CompressionType.NO_COMPRESSION);
            assertThat(buckets.bottommostCompressionType()).isEqualTo(CompressionType.LZ4_COMPRESSION);
        }
        assertThatThrownBy(() -> configured(
                                RadarTopology.BUCKET_STORE, Map.of(RadarRocksDbConfig.BOTTOMMOST_COMPRESSION, "snappy"))
                        .close())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(RadarRocksDbConfig.BOTTOMMOST_COMPRESSION);
    }

    @Test
    void givesEachHighPriorityShareItsOwnCacheAndRefusesOneOutsideZeroAndOne() {
        Map<String, Object> tenth = Map.of(RadarRocksDbConfig.MEMORY_BYTES, "1048576");
        Map<String, Object> half =
                Map.of(RadarRocksDbConfig.MEMORY_BYTES, "1048576", RadarRocksDbConfig.HIGH_PRIORITY_SHARE, "0.5");

        assertThat(RadarRocksDbConfig.sharedMemory(tenth).highPriorityShare())
                .isEqualTo(RadarRocksDbConfig.DEFAULT_HIGH_PRIORITY_SHARE);
        assertThat(RadarRocksDbConfig.sharedMemory(half).highPriorityShare()).isEqualTo(0.5);
        assertThatThrownBy(
                        () -> RadarRocksDbConfig.sharedMemory(Map.of(RadarRocksDbConfig.HIGH_PRIORITY_SHARE, "-0.1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(RadarRocksDbConfig.HIGH_PRIORITY_SHARE);
    }

    @Test
    void refusesAMemtableShareOutsideZeroAndOne() {
        assertThatThrownBy(() -> RadarRocksDbConfig.sharedMemory(Map.of(RadarRocksDbConfig.MEMTABLE_SHARE, "1.5")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(RadarRocksDbConfig.MEMTABLE_SHARE);
    }

    /** RocksDB options of store {@code store} as {@link RadarRocksDbConfig} sets them for {@code settings}. */
    private static Options configured(String store, Map<String, Object> settings) {
        Options options = new Options();
        options.setTableFormatConfig(new BlockBasedTableConfig());
        try {
            new RadarRocksDbConfig().setConfig(store, options, settings);
        } catch (RuntimeException e) {
            options.close();
            throw e;
        }
        return options;
    }

    /** Block-cache capacity each RocksDB store of the topology reports, by store name. */
    private static Map<String, BigInteger> blockCacheCapacities(Map<String, String> overrides) {
        Path stateDir = StateDirs.fresh("rocksdb-config-test");
        Properties props = new Properties();
        props.putAll(AppStreamsConfig.streamsSettings());
        props.putAll(overrides);
        props.putAll(TestConfig.driverProperties("rocksdb-config-test", stateDir));
        RewriteEngine engine = new RewriteEngine(DetectionSettings.defaults());
        try (TopologyTestDriver driver =
                new TopologyTestDriver(RadarTopology.build(TestConfig.radar(), engine), props)) {
            Map<String, BigInteger> out = new TreeMap<>();
            for (Map.Entry<MetricName, ? extends Metric> e : driver.metrics().entrySet()) {
                MetricName name = e.getKey();
                if (name.name().equals("block-cache-capacity")) {
                    String store = name.tags().entrySet().stream()
                            .filter(t -> t.getKey().endsWith("-state-id"))
                            .map(Map.Entry::getValue)
                            .findFirst()
                            .orElseThrow();
                    out.put(store, (BigInteger) e.getValue().metricValue());
                }
            }
            return out;
        } finally {
            StateDirs.delete(stateDir);
        }
    }
}
