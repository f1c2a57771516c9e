package org.rewriteradar.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Reading labelled sets in the layout of shared/data/FORMAT.md. */
public final class EvalData {

    public static final Set<String> MUST_ALERT =
            Set.of("VERBATIM_COPY", "NEAR_DUPLICATE", "SPUN_REWRITE", "PARAPHRASE", "REVISED");
    public static final Set<String> MUST_NOT_ALERT = Set.of("SAME_EVENT", "UNRELATED");

    /** An article of a set: its id, title, body, publication time and source (publisher; null when unknown). */
    public record Article(String id, String title, String body, Instant publishedAt, String source) {}

    public record Pair(String original, String candidate, String label) {}

    public record LabelledSet(String name, List<Article> articles, List<Pair> pairs) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private EvalData() {}

    /** Set folders named directly, or every sub-folder holding an articles.jsonl. */
    public static List<Path> expand(List<String> args) {
        List<Path> out = new ArrayList<>();
        for (String a : args) {
            Path p = Path.of(a);
            if (Files.exists(p.resolve("articles.jsonl"))) {
                out.add(p);
            } else if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    s.filter(d -> Files.exists(d.resolve("articles.jsonl")))
                            .sorted()
                            .forEach(out::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return out;
    }

    public static LabelledSet load(Path folder, String name) {
        List<Article> articles = new ArrayList<>();
        List<Pair> pairs = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(folder.resolve("articles.jsonl"), StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n = JSON.readTree(line);
                articles.add(new Article(
                        n.path("id").asText(),
                        n.path("title").isNull() ? null : n.path("title").asText(null),
                        n.path("body").asText(""),
                        Instant.parse(n.path("publishedAt").asText()),
                        n.path("source").isTextual() ? n.path("source").asText() : null));
            }
            Path pf = folder.resolve("pairs.jsonl");
            if (Files.exists(pf)) {
                for (String l : Files.readAllLines(pf, StandardCharsets.UTF_8)) {
                    if (l.isBlank()) {
                        continue;
                    }
                    JsonNode n = JSON.readTree(l);
                    pairs.add(new Pair(
                            n.path("original").asText(),
                            n.path("candidate").asText(),
                            n.path("label").asText()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        articles.sort(Comparator.comparing(Article::publishedAt).thenComparing(Article::id));
        return new LabelledSet(name, articles, pairs);
    }
}
