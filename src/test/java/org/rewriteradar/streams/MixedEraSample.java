package org.rewriteradar.streams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.rewriteradar.SharedData;
import org.rewriteradar.model.RewriteAlert;

/**
 * A deterministic mixed-era sample of the labelled data, for the retention tests: verbatim copies and
 * silent revisions of Reuters 1987 ({@code pool-reuters}), paraphrases, near-duplicates and same-event
 * negatives of METER 1999–2000 ({@code meter}), and the 2022 seed pair ({@code seeds}). As the stream
 * evaluation does, the candidate of a {@code REVISED} pair is published under its original's id.
 *
 * @param events the records to publish, in {@code publishedAt} order
 * @param pairs the labelled pairs, ids as published
 */
public record MixedEraSample(List<Event> events, List<Pair> pairs) {

    /** One record: its id, its JSON and where it came from. */
    public record Event(String id, String json, Instant publishedAt, String set) {}

    /** A labelled pair; for {@code REVISED} both ids are the article's. */
    public record Pair(String original, String candidate, String label, String set) {

        public boolean mustAlert() {
            return !label.equals("SAME_EVENT") && !label.equals("UNRELATED");
        }
    }

    public static MixedEraSample load() {
        Path data = SharedData.require("data");
        List<Event> events = new ArrayList<>();
        List<Pair> pairs = new ArrayList<>();
        take(data.resolve("pool-reuters"), Map.of("VERBATIM_COPY", 8, "REVISED", 4), events, pairs);
        take(data.resolve("meter"), Map.of("PARAPHRASE", 6, "NEAR_DUPLICATE", 3, "SAME_EVENT", 4), events, pairs);
        take(data.resolve("seeds"), Map.of("SPUN_REWRITE", 1), events, pairs);
        events.sort(Comparator.comparing(Event::publishedAt).thenComparing(Event::id));
        return new MixedEraSample(List.copyOf(events), List.copyOf(pairs));
    }

    /** The first pairs of each label in the set's file order, skipping chained revisions, and their articles. */
    private static void take(Path set, Map<String, Integer> quota, List<Event> events, List<Pair> pairs) {
        String name = set.getFileName().toString();
        Map<String, JsonNode> articles = new LinkedHashMap<>();
        for (JsonNode a : lines(set.resolve("articles.jsonl"))) {
            articles.put(a.get("id").asText(), a);
        }
        Map<String, Integer> left = new HashMap<>(quota);
        Set<String> used = new HashSet<>();
        for (JsonNode p : lines(set.resolve("pairs.jsonl"))) {
            String label = p.get("label").asText();
            String original = p.get("original").asText();
            String candidate = p.get("candidate").asText();
            if (left.getOrDefault(label, 0) == 0) {
                continue;
            }
            if (label.equals("REVISED") && (used.contains(original) || used.contains(candidate))) {
                continue; // a revision of a revision: stream_eval publishes only one level under the same id
            }
            if (!label.equals("REVISED") && (used.contains(candidate))) {
                continue;
            }
            left.merge(label, -1, Integer::sum);
            if (label.equals("REVISED")) {
                used.add(original);
                used.add(candidate);
                addEvent(events, articles.get(original), original, name);
                addEvent(events, articles.get(candidate), original, name);
                pairs.add(new Pair(original, original, label, name));
            } else {
                if (used.add(original)) {
                    addEvent(events, articles.get(original), original, name);
                }
                used.add(candidate);
                addEvent(events, articles.get(candidate), candidate, name);
                pairs.add(new Pair(original, candidate, label, name));
            }
        }
    }

    private static void addEvent(List<Event> events, JsonNode article, String id, String set) {
        ObjectNode copy = article.deepCopy();
        copy.put("id", id);
        events.add(new Event(
                id, copy.toString(), Instant.parse(article.get("publishedAt").asText()), set));
    }

    private static List<JsonNode> lines(Path file) {
        try {
            List<JsonNode> out = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    out.add(JsonSerdes.MAPPER.readTree(line));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The events of {@code first} set(s) ... in the order of the given sets, each set in date order. */
    public List<Event> bySets(String... sets) {
        List<Event> out = new ArrayList<>();
        for (String s : sets) {
            events.stream().filter(e -> e.set().equals(s)).forEach(out::add);
        }
        return out;
    }

    /**
     * The events shuffled (seeded), the versions of each id still in their order: arrival with
     * arbitrary skew between partitions.
     */
    public List<Event> shuffled(long seed) {
        List<Event> order = new ArrayList<>(events);
        Collections.shuffle(order, new Random(seed));
        Map<String, List<Event>> versions = new HashMap<>();
        for (Event e : events) {
            versions.computeIfAbsent(e.id(), k -> new ArrayList<>()).add(e);
        }
        Map<String, Integer> next = new HashMap<>();
        List<Event> out = new ArrayList<>(order.size());
        for (Event e : order) {
            int k = next.merge(e.id(), 1, Integer::sum) - 1;
            out.add(versions.get(e.id()).get(k));
        }
        return out;
    }

    /** What an alert found, without versions, scores or times: {@code kind original <- candidate}. */
    public static String finding(RewriteAlert a) {
        return a.kind() + " " + a.original().id() + " <- " + a.article().id();
    }

    /** The findings of some alerts, sorted. */
    public static TreeSet<String> findings(List<RewriteAlert> alerts) {
        TreeSet<String> out = new TreeSet<>();
        alerts.forEach(a -> out.add(finding(a)));
        return out;
    }

    /**
     * The findings of some alerts between articles published at different times, sorted. Between two
     * articles published at the same instant the original is, as the README says, the one seen first: an
     * arrival order, which a replay need not repeat (METER's newspapers all carry 06:00 of their day).
     */
    public static TreeSet<String> untiedFindings(List<RewriteAlert> alerts) {
        TreeSet<String> out = new TreeSet<>();
        alerts.stream()
                .filter(a -> a.original().id().equals(a.article().id())
                        || !a.original().publishedAt().equals(a.article().publishedAt()))
                .forEach(a -> out.add(finding(a)));
        return out;
    }

    /** The must-alert pairs found by some alerts, whichever way round, as {@code original <- candidate}. */
    public List<String> found(List<RewriteAlert> alerts) {
        Set<String> seen = new HashSet<>();
        alerts.forEach(a -> {
            seen.add(a.original().id() + " <- " + a.article().id());
            seen.add(a.article().id() + " <- " + a.original().id());
        });
        return pairs.stream()
                .filter(Pair::mustAlert)
                .map(p -> p.original() + " <- " + p.candidate())
                .filter(seen::contains)
                .toList();
    }
}
