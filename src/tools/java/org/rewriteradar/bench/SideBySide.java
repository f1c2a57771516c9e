package org.rewriteradar.bench;

import java.io.File;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Two builds of the engine side by side in one JVM, for changes smaller than the machine's noise: each
 * build's classes (e.g. {@code target/classes} of a worktree at the base revision, and of the change) get
 * their own class loader, index and {@link SideBySideWorker} state, and the phases are timed in short
 * alternating slices, so drift and neighbours hit both builds alike. Prints, per phase, the median
 * microseconds per probe of each build and the median of the per-round ratios B/A.
 *
 * <p>Arguments: the class folders of build A and build B. Properties: {@code rr.pool} (pool-bbc folder),
 * {@code rr.index.size} (default 100,000), {@code rr.phases} (default {@code a}; see {@link
 * SideBySideWorker#time}), {@code rr.rounds} (default 10), {@code rr.slice.ms} (default 1,000). This test
 * classpath's own main classes are left out of both loaders; the worker must compile against both builds.
 */
public final class SideBySide {

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: SideBySide <classes of build A> <classes of build B>");
        }
        String pool = System.getProperty("rr.pool", "/work/shared/data/pool-bbc");
        int size = Integer.getInteger("rr.index.size", 100_000);
        String phases = System.getProperty("rr.phases", "a");
        int rounds = Integer.getInteger("rr.rounds", 10);
        long slice = Long.getLong("rr.slice.ms", 1_000) * 1_000_000;
        List<URL> shared = new ArrayList<>();
        Path ownMain = Path.of("target", "classes").toAbsolutePath();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(entry).toAbsolutePath();
            if (!p.equals(ownMain) && Files.exists(p)) {
                shared.add(p.toUri().toURL());
            }
        }
        Method[] time = new Method[2];
        for (int side = 0; side < 2; side++) {
            List<URL> urls = new ArrayList<>();
            urls.add(Path.of(args[side]).toAbsolutePath().toUri().toURL());
            urls.addAll(shared);
            ClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
            Class<?> worker = loader.loadClass(SideBySideWorker.class.getName());
            worker.getMethod("setup", String.class, int.class).invoke(null, pool, size);
            time[side] = worker.getMethod("time", char.class, long.class);
        }
        for (char phase : phases.toCharArray()) {
            for (int warm = 0; warm < 2; warm++) {
                for (Method m : time) {
                    m.invoke(null, phase, slice);
                }
            }
            double[][] us = new double[2][rounds];
            double[] ratio = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                // alternate which build goes first
                for (int k = 0; k < 2; k++) {
                    int side = (r + k) % 2;
                    us[side][r] = (double) time[side].invoke(null, phase, slice);
                }
                ratio[r] = us[1][r] / us[0][r];
            }
            System.out.printf(
                    Locale.ROOT,
                    "phase %c: A %.1f us, B %.1f us per probe (medians of %d); B/A median %.3f (min %.3f, max %.3f)%n",
                    phase,
                    median(us[0]),
                    median(us[1]),
                    rounds,
                    median(ratio),
                    Arrays.stream(ratio).min().orElse(0),
                    Arrays.stream(ratio).max().orElse(0));
        }
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
