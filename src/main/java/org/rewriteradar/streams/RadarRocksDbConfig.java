package org.rewriteradar.streams;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.CompactionStyle;
import org.rocksdb.CompressionType;
import org.rocksdb.IndexType;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * RocksDB settings of the stores ({@code kafka-streams.rocksdb.config.setter}).
 *
 * <ul>
 *   <li>Bounded memory. Kafka Streams gives every store of every task its own block cache and memtables
 *       (about 100 MB each at most), so the off-heap memory of an instance grows with the number of stores it
 *       hosts and the data they hold, beyond any pod limit. Here all stores of the process share one LRU
 *       block cache of {@value #MEMORY_BYTES} bytes, which also holds their index and filter blocks and, by a
 *       write buffer manager, charges their memtables ({@value #MEMTABLE_SHARE} of it). 0 or less keeps Kafka
 *       Streams' own per-store memory.
 *   <li>Partitioned index and bloom filters. With the index and filter blocks in the shared cache, a table's
 *       whole filter (megabytes for a large table) is one block: once the index and filters of all tables
 *       outgrow the cache's high-priority share, a point read evicts and reloads whole filters, and reads
 *       slow down several times at once as the index grows past that point. Partitioned, a read loads
 *       only the {@value #METADATA_BLOCK_BYTES}-byte partitions it needs, and the small top level of each
 *       table stays pinned.
 *   <li>Block compression, where Kafka Streams leaves RocksDB uncompressed: LZ4 on every level but the last
 *       ({@link #COMPRESSION}), Zstandard on the last ({@link #BOTTOMMOST_COMPRESSION}), which holds most of
 *       a store. The small entries of {@code bucket-store} and {@code pair-store} (random bands beside ids,
 *       times and marks whose bytes repeat from entry to entry) and the alerts' JSON in {@code rewrite-store}
 *       compress; LZ4 costs little CPU on flushes and reads, and Zstandard's entropy coding takes what LZ4's
 *       matches leave. {@code article-store}'s fingerprints, their text coded already, do not compress
 *       further: its last level keeps the upper levels' compression, sparing its compactions and reads the
 *       cost of Zstandard.
 *   <li>Levelled compaction for {@code bucket-store}, where Kafka Streams chooses universal compaction. Every
 *       join starts with a seek into its bucket, and a seek visits every sorted run of the store: universal
 *       compaction keeps more of them as the store grows, levelled compaction one per level, so the cost of a
 *       join stays nearly flat as the index grows, at the price of more compaction work on writes. The other
 *       stores are read by key, where bloom filters skip the runs that lack it.
 *   <li>A prefix bloom filter on the band of {@code bucket-store}'s keys ({@link BucketIndex#BAND_BYTES}
 *       bytes), in its tables and memtables, instead of whole-key filters (the store is never read by whole
 *       key). A join's seek into its bucket then skips every sorted run whose filter lacks the band, which
 *       is most of them: most buckets hold few members, in one or two runs. Seeks with a key of the band's
 *       length or longer are filtered so; {@link BucketIndex#sweep}, the one walk across bands, seeks with a
 *       shorter key, outside the filter's domain, which RocksDB seeks in total order.
 * </ul>
 *
 * <p>Kafka Streams creates this class by reflection and hands it its own configuration: the memory,
 * compression and filter settings below are Streams properties ({@code kafka-streams.rewrite-radar.rocksdb.*}
 * in {@code application.properties}).
 */
public final class RadarRocksDbConfig implements RocksDBConfigSetter {

    /** Streams property: bytes of off-heap memory all the stores of this process share, memtables included. */
    public static final String MEMORY_BYTES = "rewrite-radar.rocksdb.memory-bytes";

    /** Streams property: the share of {@link #MEMORY_BYTES} the memtables may take, between 0 and 1. */
    public static final String MEMTABLE_SHARE = "rewrite-radar.rocksdb.memtable-share";

    /**
     * Streams property: the share of {@link #MEMORY_BYTES} kept first for index and filter blocks, between 0
     * and 1 (they spill into the rest like data blocks).
     */
    public static final String HIGH_PRIORITY_SHARE = "rewrite-radar.rocksdb.high-priority-share";

    /**
     * Streams property: whether {@code bucket-store} filters by the band prefix (true, the default) or, as
     * Kafka Streams does, by whole key (for comparison).
     */
    public static final String BUCKET_PREFIX_FILTER = "rewrite-radar.rocksdb.bucket-prefix-filter";

    /** Streams property: the block compression of every level but the last: none, lz4 (the default) or zstd. */
    public static final String COMPRESSION = "rewrite-radar.rocksdb.compression";

    /**
     * Streams property: the block compression of the last level, where most data lies: none, lz4 or zstd (the
     * default); not of {@code article-store}, whose last level is compressed as its others.
     */
    public static final String BOTTOMMOST_COMPRESSION = "rewrite-radar.rocksdb.bottommost-compression";

    static final long DEFAULT_MEMORY_BYTES = 256L << 20;
    static final double DEFAULT_MEMTABLE_SHARE = 0.25;
    static final double DEFAULT_HIGH_PRIORITY_SHARE = 0.1;

    /** Memtable size and count per store: with shared memory, more and smaller memtables waste less of it. */
    static final long MEMTABLE_BYTES = 8L << 20;

    static final int MEMTABLES = 3;

    /** Size of one partition of a table's index and bloom filter, which the block cache holds like a data block. */
    static final long METADATA_BLOCK_BYTES = 4096;

    /** Share of a {@code bucket-store} memtable given to its prefix bloom filter. */
    static final double MEMTABLE_PREFIX_BLOOM_SHARE = 0.1;

    private static SharedMemory shared;

    /** The cache and write buffer manager every store of the process shares, made at the first store. */
    record SharedMemory(
            long bytes, double memtableShare, double highPriorityShare, Cache cache, WriteBufferManager writeBuffers) {}

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        CompressionType upper = compression(configs, COMPRESSION, "lz4");
        CompressionType bottommost = compression(configs, BOTTOMMOST_COMPRESSION, "zstd");
        options.setCompressionType(upper);
        options.setBottommostCompressionType(storeName.equals(RadarTopology.ARTICLE_STORE) ? upper : bottommost);
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        if (storeName.equals(RadarTopology.BUCKET_STORE)) {
            options.setCompactionStyle(CompactionStyle.LEVEL);
            options.setLevelCompactionDynamicLevelBytes(true);
            if (booleanSetting(configs, BUCKET_PREFIX_FILTER, true)) {
                options.useFixedLengthPrefixExtractor(BucketIndex.BAND_BYTES);
                options.setMemtablePrefixBloomSizeRatio(MEMTABLE_PREFIX_BLOOM_SHARE);
                table.setWholeKeyFiltering(false);
            }
        }
        SharedMemory memory = sharedMemory(configs);
        if (memory != null) {
            table.setBlockCache(memory.cache());
            table.setCacheIndexAndFilterBlocks(true);
            table.setCacheIndexAndFilterBlocksWithHighPriority(true);
            table.setIndexType(IndexType.kTwoLevelIndexSearch);
            table.setPartitionFilters(true);
            table.setMetadataBlockSize(METADATA_BLOCK_BYTES);
            table.setPinTopLevelIndexAndFilter(true);
            options.setWriteBufferManager(memory.writeBuffers());
            options.setWriteBufferSize(MEMTABLE_BYTES);
            options.setMaxWriteBufferNumber(MEMTABLES);
        }
        options.setTableFormatConfig(table);
    }

    @Override
    public void close(String storeName, Options options) {
        // the shared cache and write buffer manager outlive every store: they are never closed
    }

    /** The shared memory for these settings; null when memory is not bounded. */
    static synchronized SharedMemory sharedMemory(Map<String, Object> configs) {
        long bytes = longSetting(configs, MEMORY_BYTES, DEFAULT_MEMORY_BYTES);
        double share = doubleSetting(configs, MEMTABLE_SHARE, DEFAULT_MEMTABLE_SHARE);
        double highPriority = doubleSetting(configs, HIGH_PRIORITY_SHARE, DEFAULT_HIGH_PRIORITY_SHARE);
        if (bytes <= 0) {
            return null;
        }
        if (!(share > 0 && share < 1)) {
            throw new IllegalArgumentException(MEMTABLE_SHARE + " must be between 0 and 1, was " + share);
        }
        if (!(highPriority >= 0 && highPriority <= 1)) {
            throw new IllegalArgumentException(HIGH_PRIORITY_SHARE + " must be between 0 and 1, was " + highPriority);
        }
        if (shared == null
                || shared.bytes() != bytes
                || shared.memtableShare() != share
                || shared.highPriorityShare() != highPriority) {
            Cache cache = new LRUCache(bytes, -1, false, highPriority);
            shared = new SharedMemory(
                    bytes, share, highPriority, cache, new WriteBufferManager((long) (bytes * share), cache));
        }
        return shared;
    }

    private static long longSetting(Map<String, Object> configs, String key, long fallback) {
        String value = setting(configs, key);
        return value == null ? fallback : Long.parseLong(value);
    }

    private static CompressionType compression(Map<String, Object> configs, String key, String fallback) {
        String value = setting(configs, key);
        String name = value == null ? fallback : value;
        return switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "none" -> CompressionType.NO_COMPRESSION;
            case "lz4" -> CompressionType.LZ4_COMPRESSION;
            case "zstd" -> CompressionType.ZSTD_COMPRESSION;
            default -> throw new IllegalArgumentException(key + " must be none, lz4 or zstd, was " + name);
        };
    }

    private static boolean booleanSetting(Map<String, Object> configs, String key, boolean fallback) {
        String value = setting(configs, key);
        return value == null ? fallback : Boolean.parseBoolean(value);
    }

    private static double doubleSetting(Map<String, Object> configs, String key, double fallback) {
        String value = setting(configs, key);
        return value == null ? fallback : Double.parseDouble(value);
    }

    /** The trimmed value of Streams property {@code key}; null when it is absent or blank. */
    private static String setting(Map<String, Object> configs, String key) {
        Object value = configs.get(key);
        return value == null || value.toString().isBlank()
                ? null
                : value.toString().trim();
    }
}
