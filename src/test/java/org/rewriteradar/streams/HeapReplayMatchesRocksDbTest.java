package org.rewriteradar.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rewriteradar.SharedData;
import org.rewriteradar.eval.EvalData;
import org.rewriteradar.similarity.DetectionSettings;
import org.rewriteradar.similarity.RewriteEngine;
import org.rewriteradar.similarity.RewriteKind;

/**
 * The evaluation replays the topology over heap stores ({@link TopologyReplay}) and claims it detects what
 * the service does on RocksDB. A labelled sample replayed both ways must give the same alerts, in the same
 * order: the seed pair ({@code seeds}), the first 40 articles of {@code clough} (two tasks: an original,
 * paraphrases, near-duplicates and independent answers, so candidates of several sizes and rejections) and
 * the first 4 silent revisions of {@code revisions-duc} (a new version under the same id), about 50
 * articles, some 10 s on RocksDB.
 */
class HeapReplayMatchesRocksDbTest {

    private static final int CLOUGH_ARTICLES = 40;
    private static final int REVISIONS = 4;

    @Test
    void heapStoresAlertExactlyAsRocksDb() {
        List<TopologyReplay.Published> sample = sample();
        RewriteEngine engine = new RewriteEngine(DetectionSettings.defaults());

        TopologyReplay.Result rocksDb =
                TopologyReplay.replay("heap-vs-rocksdb-r", engine, sample, RadarTopology.StoreKind.ROCKSDB);
        TopologyReplay.Result heap =
                TopologyReplay.replay("heap-vs-rocksdb-h", engine, sample, RadarTopology.StoreKind.IN_MEMORY);

        // the sample reaches both alert paths: a new version, and a candidate found through the buckets
        assertThat(rocksDb.alerts()).extracting(TopologyReplay.Alerted::kind).contains(RewriteKind.REVISED);
        assertThat(rocksDb.alerts()).extracting(TopologyReplay.Alerted::kind).anyMatch(k -> k != RewriteKind.REVISED);
        assertThat(heap.alerts()).isEqualTo(rocksDb.alerts());
        assertThat(heap.unmapped()).isEqualTo(rocksDb.unmapped());
        assertThat(heap.deadLetters()).isEqualTo(rocksDb.deadLetters()).isZero();
    }

    /** The sample in {@code publishedAt} order, a revision published under its original's id (FORMAT.md). */
    private static List<TopologyReplay.Published> sample() {
        List<EvalData.Article> articles = new ArrayList<>();
        Map<String, String> revisedOriginal = new HashMap<>();

        articles.addAll(set("seeds").articles());
        articles.addAll(set("clough").articles().subList(0, CLOUGH_ARTICLES));

        EvalData.LabelledSet revisions = set("revisions-duc");
        Map<String, EvalData.Article> byId = new HashMap<>();
        revisions.articles().forEach(a -> byId.put(a.id(), a));
        for (EvalData.Pair p : revisions.pairs()) {
            if (revisedOriginal.size() == REVISIONS) {
                break;
            }
            if (p.label().equals("REVISED")
                    && !revisedOriginal.containsKey(p.original())
                    && !revisedOriginal.containsKey(p.candidate())
                    && !revisedOriginal.containsValue(p.original())
                    && !revisedOriginal.containsValue(p.candidate())) {
                revisedOriginal.put(p.candidate(), p.original());
                articles.add(byId.get(p.original()));
                articles.add(byId.get(p.candidate()));
            }
        }
        articles.sort(Comparator.comparing(EvalData.Article::publishedAt).thenComparing(EvalData.Article::id));

        List<TopologyReplay.Published> out = new ArrayList<>(articles.size());
        for (EvalData.Article a : articles) {
            out.add(new TopologyReplay.Published(
                    a.id(),
                    revisedOriginal.getOrDefault(a.id(), a.id()),
                    a.title(),
                    a.body(),
                    a.publishedAt(),
                    a.source()));
        }
        return out;
    }

    private static EvalData.LabelledSet set(String name) {
        return EvalData.load(SharedData.require("data/" + name), name);
    }
}
