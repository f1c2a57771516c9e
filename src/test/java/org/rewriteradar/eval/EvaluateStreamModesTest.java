package org.rewriteradar.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rewriteradar.SharedData;
import org.rewriteradar.similarity.ArticleFingerprint;
import org.rewriteradar.similarity.DetectionSettings;
import org.rewriteradar.similarity.RewriteEngine;

/**
 * The engine's two stream modes: the topology replay (the default) and the in-memory index (the
 * cross-check). They differ by design where the service differs from the index: the topology compares
 * only articles published within the retention (P30D) of each other, and searches candidates again for
 * a new version of an article, which the index mode only compares with its previous version. On a set
 * where neither matters (every pair within days, revisions that meet no third article) they must judge
 * every labelled pair alike and leave as many alerts unjudged.
 */
class EvaluateStreamModesTest {

    @Test
    void theTopologyIsTheDefaultStreamMode() {
        if (System.getProperty("eval.stream") == null) {
            assertThat(Evaluate.TOPOLOGY_STREAM).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"clough", "revisions-duc"})
    void topologyAndIndexAgreeWhereWindowAndRevisionsDoNotMatter(String name) {
        EvalData.LabelledSet set = EvalData.load(SharedData.require("data/" + name), name);
        RewriteEngine engine = new RewriteEngine(DetectionSettings.defaults());
        Evaluate.EngineMethod method = new Evaluate.EngineMethod(engine);
        Map<String, ArticleFingerprint> fps = new HashMap<>();
        set.articles().forEach(a -> fps.put(a.id(), method.fingerprint(a.id(), a)));

        Evaluate.Outcomes index = Evaluate.stream(method, set, fps);
        Evaluate.Outcomes topology = Evaluate.topologyStream(engine, set);

        assertThat(topology.alerts).isNotEmpty().isEqualTo(index.alerts);
        assertThat(topology.unjudged).isEqualTo(index.unjudged);
    }
}
