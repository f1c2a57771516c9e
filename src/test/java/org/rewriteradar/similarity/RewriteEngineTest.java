package org.rewriteradar.similarity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.rewriteradar.config.DetectionOverrides;

class RewriteEngineTest {

    private final RewriteEngine engine = new RewriteEngine(DetectionSettings.defaults());

    private ArticleFingerprint original() {
        return engine.fingerprint("002", null, Fixtures.seedOriginal());
    }

    private ArticleFingerprint rewrite() {
        return engine.fingerprint("000", null, Fixtures.seedRewrite());
    }

    @Test
    void flagsSpunCopyOfEarlierArticle() {
        Optional<Detection> d = engine.compare(original(), rewrite());

        assertThat(d).isPresent();
        assertThat(d.get().kind()).isEqualTo(RewriteKind.SPUN_REWRITE);
        assertThat(d.get().score()).isBetween(engine.settings().weights().alertThreshold(), 1.0);
        assertThat(d.get().evidence()).anySatisfy(p -> {
            assertThat(p.quote()).isTrue();
            assertThat(p.candidateText()).contains("There is no positive reaction on the main issue");
        });
    }

    @Test
    void scoresPairBelowUnigramGateWhenItShares5Grams() {
        // the seed rewrite keeps under gate.min-unigram of its narrative stems, but shares 5-grams
        PairFeatures f = engine.features(original(), rewrite());
        assertThat(f.unigram()).isLessThan(engine.settings().gate().minUnigram());
        assertThat(f.c5()).isGreaterThanOrEqualTo(engine.settings().gate().minShingleContainment());
        assertThat(engine.compare(original(), rewrite())).isPresent();

        RewriteEngine stricter = new RewriteEngine(
                DetectionOverrides.apply(DetectionSettings.defaults(), Map.of("gate.min-shingle-containment", "0.5")));
        assertThat(stricter.compare(original(), rewrite())).isEmpty();
    }

    @Test
    void scoresNearDuplicateWhateverThePrefilterSettings() {
        RewriteEngine e = new RewriteEngine(DetectionOverrides.apply(
                DetectionSettings.defaults(),
                Map.of("gate.min-unigram", "1.0", "gate.min-shingle-containment", "2.0")));
        ArticleFingerprint a = e.fingerprint("a", null, Fixtures.seedOriginal());
        ArticleFingerprint b =
                e.fingerprint("b", null, Fixtures.seedOriginal() + "\n\n" + Fixtures.read("sameevent-a.txt"));

        assertThat(e.compare(a, b)).map(Detection::kind).contains(RewriteKind.NEAR_DUPLICATE);
    }

    @Test
    void alertsOnContainmentFromExactlyItsSettingWhateverTheScore() {
        // an independent report that lifts the original's opening paragraphs word for word
        String lifted = Fixtures.seedOriginal().substring(0, 450);
        ArticleFingerprint o = original();
        ArticleFingerprint c = engine.fingerprint("c", null, Fixtures.read("sameevent-a.txt") + "\n\n" + lifted);
        PairFeatures f = engine.features(o, c);
        assertThat(engine.score(f)).isLessThan(engine.settings().weights().alertThreshold());
        assertThat(f.containment()).isBetween(0.05, 0.5);
        assertThat(engine.compare(o, c)).isEmpty();

        RewriteEngine at = withAlertContainment(f.containment());
        RewriteEngine above = withAlertContainment(Math.nextUp(f.containment()));

        Detection d = at.compare(o, c).orElseThrow();
        assertThat(d.kind()).isEqualTo(RewriteKind.PARAPHRASE);
        assertThat(d.signals()).containsEntry("containment", Signals.round(f.containment()));
        assertThat(d.evidence()).isNotEmpty();
        assertThat(d.score()).isEqualTo(engine.settings().weights().alertThreshold());
        assertThat(above.compare(o, c)).isEmpty();
    }

    @Test
    void alertOnContainmentAloneReportsAtLeastTheConfiguredThreshold() {
        String lifted = Fixtures.seedOriginal().substring(0, 450);
        ArticleFingerprint o = original();
        ArticleFingerprint c = engine.fingerprint("c", null, Fixtures.read("sameevent-a.txt") + "\n\n" + lifted);
        DetectionSettings d = DetectionSettings.defaults();
        RewriteEngine strict = new RewriteEngine(d.withWeights(d.weights()
                .withAlertThreshold(0.6)
                .withAlertContainment(engine.features(o, c).containment())));

        assertThat(strict.compare(o, c)).map(Detection::score).contains(0.6);
    }

    private static RewriteEngine withAlertContainment(double v) {
        DetectionSettings d = DetectionSettings.defaults();
        return new RewriteEngine(d.withWeights(d.weights().withAlertContainment(v)));
    }

    @Test
    void evidenceOffsetsPointIntoNormalisedTexts() {
        ArticleFingerprint o = original();
        ArticleFingerprint c = rewrite();
        Detection d = engine.compare(o, c).orElseThrow();
        for (MatchedPassage p : d.evidence()) {
            assertThat(o.text().substring(p.originalStart(), p.originalEnd())).isEqualTo(p.originalText());
            assertThat(c.text().substring(p.candidateStart(), p.candidateEnd())).isEqualTo(p.candidateText());
        }
    }

    @Test
    void doesNotFlagIndependentReportOfSameEvent() {
        ArticleFingerprint a = engine.fingerprint("a", null, Fixtures.read("sameevent-a.txt"));
        ArticleFingerprint b = engine.fingerprint("b", null, Fixtures.read("sameevent-b.txt"));

        assertThat(engine.compare(a, b)).isEmpty();
        assertThat(engine.compare(b, a)).isEmpty();
    }

    @Test
    void doesNotFlagUnrelatedArticles() {
        ArticleFingerprint a = engine.fingerprint("a", null, Fixtures.read("sameevent-a.txt"));
        assertThat(engine.compare(original(), a)).isEmpty();
    }

    @Test
    void flagsIdenticalTextUnderAnotherIdAsVerbatimCopy() {
        ArticleFingerprint a = engine.fingerprint("x", null, Fixtures.seedOriginal());
        ArticleFingerprint b =
                engine.fingerprint("y", null, "<html><body><p>" + Fixtures.seedOriginal() + "</p></body></html>");
        assertThat(engine.compare(a, b)).map(Detection::kind).contains(RewriteKind.VERBATIM_COPY);
    }

    @Test
    void candidateKeysAreStableAndSharedBySpunPair() {
        long[] k1 = engine.candidateKeys(original());
        long[] k2 = new RewriteEngine(DetectionSettings.defaults()).candidateKeys(original());
        assertThat(k1).isNotEmpty().containsExactly(k2);

        long[] r = engine.candidateKeys(rewrite());
        assertThat(Arrays.stream(r).filter(k -> Arrays.binarySearch(k1, k) >= 0).count())
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void candidateKeysAreFixedValues() {
        // guards cross-JVM stability: seeded hashes only, no identity/random hashes
        ArticleFingerprint fp =
                engine.fingerprint("k", null, "The quick brown fox jumps over the lazy dog near London Bridge today.");
        ArticleFingerprint again =
                engine.fingerprint("k", null, "The quick brown fox jumps over the lazy dog near London Bridge today.");
        assertThat(engine.candidateKeys(fp)).containsExactly(engine.candidateKeys(again));
        assertThat(fp.textHash()).isEqualTo(again.textHash());
    }

    @Test
    void fingerprintSurvivesJsonRoundTrip() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        ArticleFingerprint fp = rewrite();

        String json = mapper.writeValueAsString(fp);
        ArticleFingerprint back = mapper.readValue(json, ArticleFingerprint.class);

        assertThat(back).usingRecursiveComparison().isEqualTo(fp);
        assertThat(engine.compare(original(), back)).map(Detection::kind).contains(RewriteKind.SPUN_REWRITE);
    }

    @Test
    void compareVersionsOfIdenticalTextIsEmpty() {
        ArticleFingerprint a = engine.fingerprint("v", null, Fixtures.seedOriginal());
        ArticleFingerprint b =
                engine.fingerprint("v", null, Fixtures.seedOriginal().replace("\n\n", "\n\n\n  "));
        assertThat(engine.compareVersions(a, b)).isEmpty();
    }

    @Test
    void compareVersionsOfChangedTextIsRevisedWithSizeOfChange() {
        String text = Fixtures.seedOriginal();
        ArticleFingerprint a = engine.fingerprint("v", null, text);
        ArticleFingerprint b = engine.fingerprint("v", null, text.replace("stay excessive", "remain high"));

        Detection d = engine.compareVersions(a, b).orElseThrow();

        assertThat(d.kind()).isEqualTo(RewriteKind.REVISED);
        assertThat(d.signals()).containsKeys("changedFraction", "addedChars", "removedChars");
        assertThat(d.signals().get("changedFraction")).isGreaterThan(0).isLessThan(0.5);
        assertThat(d.evidence()).singleElement().satisfies(p -> {
            assertThat(p.originalText()).contains("stay excessive");
            assertThat(p.candidateText()).contains("remain high");
        });
    }

    @Test
    void compareVersionsHonoursMinimumChange() {
        DetectionSettings d = DetectionSettings.defaults();
        DetectionSettings strict = d.withRevisions(d.revisions().withMinChangedFraction(0.5));
        RewriteEngine e = new RewriteEngine(strict);
        String text = Fixtures.seedOriginal();
        assertThat(e.compareVersions(
                        e.fingerprint("v", null, text), e.fingerprint("v", null, text + "\n\nOne more line.")))
                .isEmpty();
    }
}
