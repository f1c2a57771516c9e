package org.rewriteradar;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Kafka Streams state directories for tests and benchmarks. */
public final class StateDirs {

    private StateDirs() {}

    /**
     * A fresh temporary directory, on tmpfs when there is one: Streams flushes its RocksDB stores on
     * every commit, which is many times slower on a real disk. System property {@code rr.state.root}
     * names another parent (e.g. a disk for a benchmark whose state would not fit in memory).
     */
    public static Path fresh(String prefix) {
        try {
            String root = System.getProperty("rr.state.root");
            if (root != null && !root.isBlank()) {
                return Files.createTempDirectory(Files.createDirectories(Path.of(root)), prefix);
            }
            Path shm = Path.of("/dev/shm");
            if (Files.isDirectory(shm) && Files.isWritable(shm)) {
                return Files.createTempDirectory(shm, prefix);
            }
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes a directory tree, best effort. */
    public static void delete(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort
        }
    }
}
