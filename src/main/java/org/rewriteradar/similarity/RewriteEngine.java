package org.rewriteradar.similarity;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rewriteradar.text.AnalyzedText;

/**
 * The detection engine: fingerprints articles, names candidate keys for lookup and scores candidate
 * pairs. Pure Java, thread-safe, no Kafka. A façade over the engine's roles:
 *
 * <ul>
 *   <li>{@link Fingerprinter}: text → {@link ArticleFingerprint};
 *   <li>{@link CandidateKeys}: LSH bands and sentence keys, the shared-key minimum;
 *   <li>{@link FeatureMeter}: a pair's {@link PairFeatures}, behind the cheap {@link PairGate} and with the
 *       {@link SentenceAligner};
 *   <li>{@link RewriteScore}: the logistic score; {@link KindClassifier}: the kind;
 *   <li>{@link EvidenceBuilder} (with {@link QuoteTrigrams}): the matched passages of an alert;
 *   <li>{@link RevisionDiff}: changes between versions of one article.
 * </ul>
 *
 * <p>Scoring combines measures that synonym spinning and rewording leave intact, computed on the narrative
 * (the text outside quotations), because independent reports of one event share quotes and names but not
 * the narrative's sentence structure: in-order sentence alignment, skeleton n-grams (function words, numbers
 * and names literal, other words wildcards), 5-shingle containment and content-stem containment. A logistic
 * combination with weights from {@link DetectionSettings} gives the calibrated score.
 *
 * <p>State: the roles are immutable; what the engine reuses between calls for speed (text analyser and its
 * term cache, sort buffers, the last candidate's probe tables, alignment scratch, the last two analyses)
 * lives in one {@link Workspace} per thread, owned by this engine ({@link #workspace}) and passed to the
 * roles explicitly. A workspace grows with the vocabulary seen (the term cache, bounded at 200,000 terms),
 * so make an engine once and share it; one dropped engine's workspaces go with it.
 */
public final class RewriteEngine {

    private final DetectionSettings settings;
    private final CandidateKeys keys;
    private final Fingerprinter fingerprinter;
    private final FeatureMeter meter;
    private final RewriteScore scorer;
    private final KindClassifier kinds;
    private final EvidenceBuilder evidence;
    private final RevisionDiff revisions;
    private final boolean quoteWeighted;

    /** This engine's per-thread workspace; every public method takes it once and passes it down. */
    private final ThreadLocal<Workspace> workspace = ThreadLocal.withInitial(Workspace::new);

    public RewriteEngine(DetectionSettings settings) {
        this.settings = settings;
        this.keys = new CandidateKeys(settings.fingerprinting(), settings.candidates());
        this.fingerprinter = new Fingerprinter(settings.fingerprinting(), keys);
        this.meter = new FeatureMeter(settings);
        this.scorer = new RewriteScore(settings.weights());
        this.kinds = new KindClassifier(settings.kinds());
        this.evidence = new EvidenceBuilder(settings.evidence());
        this.revisions = new RevisionDiff(settings.revisions(), settings.evidence());
        this.quoteWeighted = settings.weights().quoteShared() != 0;
    }

    public RewriteEngine() {
        this(DetectionSettings.defaults());
    }

    public DetectionSettings settings() {
        return settings;
    }

    /** Normalises a raw body (plain text or HTML) and fingerprints it. The title is not part of the text. */
    public ArticleFingerprint fingerprint(String id, String title, String body) {
        return fingerprinter.fingerprint(id, body, workspace.get());
    }

    /** Lookup keys (LSH bands) under which this article is indexed and searched; stable across JVMs. */
    public long[] candidateKeys(ArticleFingerprint fp) {
        return fp.keys() == null ? new long[0] : fp.keys().clone();
    }

    /** Shared keys a candidate needs with a query of these keys before it is scored ({@link CandidateKeys}). */
    public int minSharedKeys(long[] keys) {
        return this.keys.minSharedKeys(keys);
    }

    /** Scores a candidate against an earlier original; empty when it is not a rewrite. */
    public Optional<Detection> compare(ArticleFingerprint original, ArticleFingerprint candidate) {
        if (original.tokens() == 0 || candidate.tokens() == 0) {
            return Optional.empty();
        }
        if (original.textHash() == candidate.textHash() && original.text().equals(candidate.text())) {
            MatchedPassage whole = new MatchedPassage(
                    0,
                    original.text().length(),
                    0,
                    candidate.text().length(),
                    original.text(),
                    candidate.text(),
                    1.0,
                    false);
            // the whole text as one passage, cut to evidence.maxPassageChars like any other
            return Optional.of(new Detection(
                    RewriteKind.VERBATIM_COPY,
                    1.0,
                    Signals.verbatim(),
                    EvidenceBuilder.bound(List.of(whole), settings.evidence())));
        }
        Workspace ws = workspace.get();
        PairFeatures f = meter.measure(original, candidate, null, null, true, ws);
        if (f == null) {
            return Optional.empty();
        }
        double score = scorer.score(f);
        boolean forced =
                kinds.forced(f) || f.containment() >= settings.weights().alertContainment();
        if (scorer.belowThreshold(score) && !forced) {
            return Optional.empty();
        }
        // alerting (rare): token-level detail from the texts for quotes and evidence
        AnalyzedText ta = ws.analysis(original.text());
        AnalyzedText tb = ws.analysis(candidate.text());
        QuoteTrigrams trigramsA = new QuoteTrigrams(ta.terms());
        if (!quoteWeighted) {
            f = f.withQuoteShared(QuoteTrigrams.shared(trigramsA, tb));
        }
        return Optional.of(new Detection(
                kinds.kind(f),
                Math.max(score, forced ? settings.weights().alertThreshold() : 0),
                Signals.of(f, score),
                evidence.evidence(original, ta, trigramsA, candidate, tb, f)));
    }

    /**
     * Which of {@code article}'s stem 5-shingles {@code version} holds, for a story alert: united over a
     * story's versions by {@link #storyShare}. Cost: one merge of two sorted sets.
     */
    public StoryCoverage storyCoverage(ArticleFingerprint article, ArticleFingerprint version) {
        return StoryCoverage.of(article, version);
    }

    /**
     * The share of {@code article}'s narrative 5-shingles (outside quotations) set in {@code found}, the union
     * of the {@link StoryCoverage#found()} of a story's versions: a story alerts from {@link
     * DetectionSettings.Stories#alertNarrative()}.
     */
    public double storyShare(ArticleFingerprint article, long[] found) {
        return StoryCoverage.narrativeShare(article, found);
    }

    /**
     * The alert for {@code candidate} rewriting the story whose best version is {@code original}, the
     * story's versions holding {@code share} of the candidate's narrative 5-shingles together: the pair's
     * kind, signals and evidence, ungated, its score at least the alert threshold, and the signals {@code
     * storyNarrative} ({@code share}) and {@code storyVersions}. Empty for an empty text.
     */
    public Optional<Detection> explainStory(
            ArticleFingerprint original, ArticleFingerprint candidate, double share, int versions) {
        if (original.tokens() == 0 || candidate.tokens() == 0) {
            return Optional.empty();
        }
        Workspace ws = workspace.get();
        AnalyzedText ta = ws.analysis(original.text());
        AnalyzedText tb = ws.analysis(candidate.text());
        PairFeatures f = meter.measure(original, candidate, ta, tb, false, ws);
        QuoteTrigrams trigramsA = new QuoteTrigrams(ta.terms());
        if (!quoteWeighted) {
            f = f.withQuoteShared(QuoteTrigrams.shared(trigramsA, tb));
        }
        double score = scorer.score(f);
        Map<String, Double> signals = Signals.story(f, score, share, versions);
        return Optional.of(new Detection(
                kinds.kind(f),
                Math.max(score, settings.weights().alertThreshold()),
                signals,
                evidence.evidence(original, ta, trigramsA, candidate, tb, f)));
    }

    /** The calibrated score: logistic combination of the pair's features with the settings' weights. */
    public double score(PairFeatures f) {
        return scorer.score(f);
    }

    /** The kind of rewriting the features support (assuming the pair alerts). */
    public RewriteKind kind(PairFeatures f) {
        return kinds.kind(f);
    }

    /** All pair measurements (see {@link PairFeatures}), ungated; public for evaluation and weight fitting. */
    public PairFeatures features(ArticleFingerprint a, ArticleFingerprint b) {
        Workspace ws = workspace.get();
        return meter.measure(a, b, ws.analysis(a.text()), ws.analysis(b.text()), false, ws);
    }

    /**
     * Compares two versions of one article: empty when the normalised texts are identical (or the change
     * is below {@link DetectionSettings.Revisions#minChangedFraction()}), else a {@link RewriteKind#REVISED}
     * detection whose signals give the size of the change and whose evidence lists the changed passages
     * (original = removed text, candidate = added text, at sentence granularity).
     */
    public Optional<Detection> compareVersions(ArticleFingerprint previous, ArticleFingerprint next) {
        return revisions.compareVersions(previous, next);
    }
}
