package org.rewriteradar.streams;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.rewriteradar.StateDirs;

/**
 * Checks, at a size where {@code bucket-store} spreads over several files and levels, that one pass of
 * {@link BucketIndex#sweep} under the service's RocksDB settings (the band prefix filter) visits every entry:
 * a real store is filled with {@code --entries} members of random bands, half of them expired, flushed every
 * {@code --flush-every} entries so compactions build levels of several files; sweeps of {@code --limit}
 * entries then run for one pass, and every entry left is checked to be live.
 *
 * <pre>
 * ./mvnw -B -q exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=org.rewriteradar.streams.SweepCoverageCheck -Dexec.args="--entries 4000000"
 * </pre>
 *
 * Prints {@code SWEEP} lines; the last says {@code missed=0} when the pass left no expired entry.
 */
public final class SweepCoverageCheck {

    private SweepCoverageCheck() {}

    public static void main(String[] args) throws IOException {
        int entries = 4_000_000;
        int flushEvery = 200_000;
        int limit = 50_000;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--entries" -> entries = Integer.parseInt(args[i + 1]);
                case "--flush-every" -> flushEvery = Integer.parseInt(args[i + 1]);
                case "--limit" -> limit = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path stateDir = StateDirs.fresh("sweep-coverage");
        KeyValueStore<Bytes, byte[]> store = StandaloneBucketStore.open(stateDir, "sweep-coverage");
        try {
            Random random = new Random(20220127);
            long expired = 0;
            long begun = System.nanoTime();
            for (int i = 0; i < entries; i++) {
                boolean old = random.nextBoolean();
                BucketMember member = new BucketMember("article-" + i, 0, old ? 10 : 100);
                store.put(
                        BucketIndex.key(random.nextLong(), 0),
                        BinarySerdes.BUCKET_MEMBER.serializer().serialize(null, member));
                expired += old ? 1 : 0;
                if ((i + 1) % flushEvery == 0) {
                    store.flush();
                }
            }
            store.flush();
            System.out.printf(
                    "SWEEP filled entries=%d expired=%d in %.1f s; tables: %s%n",
                    entries, expired, (System.nanoTime() - begun) / 1e9, tables(stateDir));
            BucketIndex buckets = new BucketIndex(store, 0);
            long removed = 0;
            int sweeps = (entries + limit - 1) / limit;
            begun = System.nanoTime();
            for (int s = 0; s < sweeps; s++) {
                removed += buckets.sweep(50, limit);
            }
            long left = 0;
            long missed = 0;
            try (KeyValueIterator<Bytes, byte[]> it = store.all()) {
                while (it.hasNext()) {
                    KeyValue<Bytes, byte[]> kv = it.next();
                    left++;
                    if (BinarySerdes.BUCKET_MEMBER
                                    .deserializer()
                                    .deserialize(null, kv.value)
                                    .indexedAtMillis()
                            < 50) {
                        missed++;
                    }
                }
            }
            System.out.printf(
                    "SWEEP one pass of %d sweeps of %d in %.1f s: removed=%d of expired=%d, left=%d, missed=%d%n",
                    sweeps, limit, (System.nanoTime() - begun) / 1e9, removed, expired, left, missed);
        } finally {
            store.close();
            StateDirs.delete(stateDir);
        }
    }

    /** The store's table files and their sizes in MB. */
    private static String tables(Path stateDir) throws IOException {
        try (Stream<Path> files = Files.walk(stateDir)) {
            return files.filter(f -> f.toString().endsWith(".sst"))
                    .map(f -> {
                        try {
                            return f.getFileName() + "=" + Files.size(f) / (1 << 20) + "MB";
                        } catch (IOException e) {
                            return f.getFileName() + "=?";
                        }
                    })
                    .sorted()
                    .toList()
                    .toString();
        }
    }
}
