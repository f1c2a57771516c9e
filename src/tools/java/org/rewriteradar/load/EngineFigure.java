package org.rewriteradar.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The engine's own speed, measured by its JMH benchmark ({@code org.rewriteradar.bench.EngineBenchmark}) in
 * the same command as a load run, so the service's end-to-end rate can be set beside it: a child JVM runs
 * JMH (which forks once more, as {@code ./mvnw -Pbench} does) over the load run's own articles, the engine
 * ({@code engineFingerprintAndScore}) and the MinHash-Jaccard baseline ({@code baselineFingerprintAndScore})
 * each fingerprinting an article and scoring it against its candidates in an in-memory index.
 *
 * @param data the articles (JSON lines) the engine is queried with, and its index made from
 * @param indexSize fingerprints in the engine's index ({@code rr.index.size})
 * @param engine the engine's iterations, articles per second on one thread
 * @param baseline the baseline's iterations, articles per second on one thread
 */
public record EngineFigure(Path data, int indexSize, List<Double> engine, List<Double> baseline) {

    private static final String BENCHMARK = "org.rewriteradar.bench.EngineBenchmark";

    /** Median articles per second of the engine. */
    public double engineMedian() {
        return LoadBenchmark.median(engine);
    }

    /** Median articles per second of the baseline. */
    public double baselineMedian() {
        return LoadBenchmark.median(baseline);
    }

    /** The line the load benchmark prints. */
    public String describe() {
        return String.format(
                Locale.ROOT,
                "data=%s index=%d engine_articles_per_s=%.0f (iterations %s) baseline_articles_per_s=%.0f"
                        + " (iterations %s) (JMH, one thread, in process)",
                data,
                indexSize,
                engineMedian(),
                rounded(engine),
                baselineMedian(),
                rounded(baseline));
    }

    /**
     * Runs the benchmark over the articles of JSON-lines file {@code articles} with an index of {@code
     * indexSize}: {@code iterations} measured iterations of {@code seconds} each, after two of warm-up.
     */
    public static EngineFigure measure(Path articles, int indexSize, int iterations, int seconds)
            throws IOException, InterruptedException {
        Path work = Files.createTempDirectory("engine-jmh");
        Path json = work.resolve("result.json");
        Path log = work.resolve("jmh.log");
        // the benchmark reads a folder's articles.jsonl
        Path data = articles.toAbsolutePath().getParent();
        if (!articles.getFileName().toString().equals("articles.jsonl")) {
            data = work.resolve("data");
            Files.createDirectories(data);
            Files.createSymbolicLink(data.resolve("articles.jsonl"), articles.toAbsolutePath());
        }
        try {
            List<String> command = List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp",
                    classPath(),
                    "-Drr.pool=" + data,
                    "-Drr.index.size=" + indexSize,
                    "org.openjdk.jmh.Main",
                    BENCHMARK + ".(engine|baseline)FingerprintAndScore$",
                    "-p",
                    "probes=pool",
                    "-f",
                    "1",
                    "-wi",
                    "2",
                    "-w",
                    seconds + "s",
                    "-i",
                    Integer.toString(iterations),
                    "-r",
                    seconds + "s",
                    "-rf",
                    "json",
                    "-rff",
                    json.toString());
            Process p = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            if (!p.waitFor(30, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IOException("the engine benchmark did not finish within 30 minutes" + tail(log));
            }
            if (p.exitValue() != 0) {
                throw new IOException("the engine benchmark failed, exit code " + p.exitValue() + tail(log));
            }
            return parse(Files.readString(json), articles.toAbsolutePath(), indexSize);
        } finally {
            LoadBenchmark.deleteRecursively(work);
        }
    }

    /** The last lines of the benchmark's output, for an error message. */
    private static String tail(Path log) throws IOException {
        List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
        return ":\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    }

    /** The figures of a JMH JSON result: each method's raw iteration scores. */
    static EngineFigure parse(String jmhJson, Path data, int indexSize) throws IOException {
        List<Double> engine = new ArrayList<>();
        List<Double> baseline = new ArrayList<>();
        for (JsonNode result : new ObjectMapper().readTree(jmhJson)) {
            String method = result.path("benchmark").asText();
            List<Double> into = method.endsWith(".engineFingerprintAndScore")
                    ? engine
                    : method.endsWith(".baselineFingerprintAndScore") ? baseline : null;
            if (into == null) {
                continue;
            }
            for (JsonNode fork : result.path("primaryMetric").path("rawData")) {
                fork.forEach(score -> into.add(score.asDouble()));
            }
        }
        if (engine.isEmpty() || baseline.isEmpty()) {
            throw new IOException("the engine benchmark's result lacks the engine or the baseline: " + jmhJson);
        }
        return new EngineFigure(data, indexSize, List.copyOf(engine), List.copyOf(baseline));
    }

    /**
     * The class path of this JVM's classes as a child JVM needs it: under {@code exec:java} the project's
     * classes are in the class loader Maven made, not in {@code java.class.path}.
     */
    static String classPath() {
        Set<String> entries = new LinkedHashSet<>();
        for (ClassLoader cl = EngineFigure.class.getClassLoader(); cl != null; cl = cl.getParent()) {
            if (cl instanceof URLClassLoader urls) {
                for (URL url : urls.getURLs()) {
                    try {
                        entries.add(Path.of(url.toURI()).toString());
                    } catch (URISyntaxException | IllegalArgumentException e) {
                        // not a file: not for a class path
                    }
                }
            }
        }
        String own = System.getProperty("java.class.path", "");
        for (String e : own.split(File.pathSeparator)) {
            if (!e.isBlank()) {
                entries.add(e);
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    private static String rounded(List<Double> xs) {
        return xs.stream()
                .map(x -> String.format(Locale.ROOT, "%.0f", x))
                .toList()
                .toString()
                .replace(" ", "");
    }
}
