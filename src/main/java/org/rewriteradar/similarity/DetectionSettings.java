package org.rewriteradar.similarity;

/**
 * Every threshold and size of the detection engine, grouped by the role that reads it (mapped from Quarkus
 * configuration as {@code radar.detection.<group>.<setting>}, see {@code config.DetectionOverrides}). Each
 * group is a record of primitives with its tuned {@code defaults()} and one {@code with…} copy method per
 * value, so changing one value is one call: {@code d.withGate(d.gate().withMinUnigram(0.3))}. {@link
 * #defaults()} holds the values tuned on the development sets of {@code shared/data} (logistic weights fitted
 * by {@code org.rewriteradar.eval.FitWeights}).
 *
 * <p>Over 300 lines for a reason: it is the engine's whole configuration with the record of why each value
 * was chosen (the Javadoc of every parameter) and one copy method per value; there is no logic here.
 *
 * @param fingerprinting what a fingerprint holds (changing any of these changes stored fingerprints and keys)
 * @param candidates how many candidates are looked up and scored per article
 * @param gate the cheap prefilter that rejects pairs before the expensive features
 * @param alignment the sentence alignment
 * @param weights the logistic score: bias, one weight per {@link Feature}, alert threshold
 * @param kinds the thresholds naming the {@link RewriteKind} of an alerting pair
 * @param evidence the passages a detection carries
 * @param revisions what counts as a revision of one article
 * @param stories when an article rewrites a story told in several earlier versions of one source
 */
public record DetectionSettings(
        Fingerprinting fingerprinting,
        Candidates candidates,
        Gate gate,
        Alignment alignment,
        Weights weights,
        Kinds kinds,
        Evidence evidence,
        Revisions revisions,
        Stories stories) {

    /** The tuned defaults of every group. */
    public static DetectionSettings defaults() {
        return new DetectionSettings(
                Fingerprinting.defaults(),
                Candidates.defaults(),
                Gate.defaults(),
                Alignment.defaults(),
                Weights.defaults(),
                Kinds.defaults(),
                Evidence.defaults(),
                Revisions.defaults(),
                Stories.defaults());
    }

    public DetectionSettings withFingerprinting(Fingerprinting v) {
        return new DetectionSettings(v, candidates, gate, alignment, weights, kinds, evidence, revisions, stories);
    }

    public DetectionSettings withCandidates(Candidates v) {
        return new DetectionSettings(fingerprinting, v, gate, alignment, weights, kinds, evidence, revisions, stories);
    }

    public DetectionSettings withGate(Gate v) {
        return new DetectionSettings(
                fingerprinting, candidates, v, alignment, weights, kinds, evidence, revisions, stories);
    }

    public DetectionSettings withAlignment(Alignment v) {
        return new DetectionSettings(fingerprinting, candidates, gate, v, weights, kinds, evidence, revisions, stories);
    }

    public DetectionSettings withWeights(Weights v) {
        return new DetectionSettings(
                fingerprinting, candidates, gate, alignment, v, kinds, evidence, revisions, stories);
    }

    public DetectionSettings withKinds(Kinds v) {
        return new DetectionSettings(
                fingerprinting, candidates, gate, alignment, weights, v, evidence, revisions, stories);
    }

    public DetectionSettings withEvidence(Evidence v) {
        return new DetectionSettings(
                fingerprinting, candidates, gate, alignment, weights, kinds, v, revisions, stories);
    }

    public DetectionSettings withRevisions(Revisions v) {
        return new DetectionSettings(fingerprinting, candidates, gate, alignment, weights, kinds, evidence, v, stories);
    }

    public DetectionSettings withStories(Stories v) {
        return new DetectionSettings(
                fingerprinting, candidates, gate, alignment, weights, kinds, evidence, revisions, v);
    }

    /**
     * What a fingerprint holds. Changing any of these changes stored fingerprints and candidate keys, so
     * fingerprints made under other values must not be compared or looked up together.
     *
     * @param shingleSize word (stem) n-gram size for the verbatim-overlap measures {@code c5}, {@code j5}
     *     (default 5)
     * @param minHashComponents number of SuperMinHash components over stem 3-shingles (document LSH)
     *     (default 64)
     * @param lshBands number of LSH bands cut from the SuperMinHash signature (default 16)
     * @param lshRows components per LSH band ({@code lshBands * lshRows <= minHashComponents}) (default 4)
     * @param sentenceKeySeeds candidate keys per sentence: each is the pair of the sentence's content stems
     *     with the smallest seeded hashes (a bottom-2 sketch), so spun sentences that keep names and some
     *     words share keys even when every 5-gram changed. Seed {@code k}'s keys do not depend on how many
     *     seeds there are, so raising this adds keys and keeps every key an index already holds. Two sentences
     *     sharing a fraction s of their content stems share at least one of n seeds' keys with probability
     *     about 1 - (1 - s²)<sup>n</sup>. On METER, 27 of the rewrites the engine alerts on in pair mode were
     *     lost in stream mode, 25 of them because the newspaper story shared no key with its wire original
     *     (heavy condensation: each sentence merges words of several wire sentences; {@code
     *     eval.MissAnalysis}); with 3 seeds 15 share none, with 4 nine. Stream recall on METER 0.422 (2
     *     seeds) → 0.440 (3) → 0.453 (4), false alerts on SAME_EVENT 2.9% → 3.6% → 3.6% (the pair mode's
     *     3.6%), spin 0.990 → 0.995 → 0.995, every other development set unchanged. Keys per article 29.5 →
     *     36.4 → 43.2 on pool-reuters (50.9 → 68.5 → 86.0 on pool-bbc): one bucket-store entry each, a put
     *     and a range read per key in the topology. 2 stays the default because the service's budgets (state
     *     per article, articles per second) are nearer than the gain; 3 and 4 are an operator's choice
     *     (default 2)
     * @param sentenceKeyMinTerms sentences with fewer distinct content stems get no sentence key (default 4)
     * @param skeletonSize length of the "skeleton" n-grams: function words, numbers and names literal,
     *     other words replaced by a wildcard (what synonym substitution leaves intact) (default 6)
     * @param skeletonMaxWildcards skeleton n-grams with more wildcards than this are ignored (default 3)
     * @param sentenceKeyCommonStems how many of the commonest content stems of English news ({@link
     *     CommonStems}, most frequent first) sentence keys leave out. A key of two such stems ("said", "year")
     *     is shared by unrelated sentences far more often than chance, and every indexed article that has one
     *     joins the same bucket: the members a probe meets, and the service's work per article, grow with the
     *     index mostly through such keys. Changing it changes the sentence keys of sentences that hold such stems:
     *     articles indexed before meet new ones through their other keys only, until they expire (default 300)
     */
    public record Fingerprinting(
            int shingleSize,
            int minHashComponents,
            int lshBands,
            int lshRows,
            int sentenceKeySeeds,
            int sentenceKeyMinTerms,
            int skeletonSize,
            int skeletonMaxWildcards,
            int sentenceKeyCommonStems) {

        public static Fingerprinting defaults() {
            return new Fingerprinting(5, 64, 16, 4, 2, 4, 6, 3, 300);
        }

        public Fingerprinting withShingleSize(int v) {
            return new Fingerprinting(
                    v,
                    minHashComponents,
                    lshBands,
                    lshRows,
                    sentenceKeySeeds,
                    sentenceKeyMinTerms,
                    skeletonSize,
                    skeletonMaxWildcards,
                    sentenceKeyCommonStems);
        }

        public Fingerprinting withMinHashComponents(int v) {
            return new Fingerprinting(
                    shingleSize,
                    v,
                    lshBands,
                    lshRows,
                    sentenceKeySeeds,
                    sentenceKeyMinTerms,
                    skeletonSize,
                    skeletonMaxWildcards,
                    sentenceKeyCommonStems);
        }

        public Fingerprinting withLshBands(int v) {
            return new Fingerprinting(
                    shingleSize,
                    minHashComponents,
                    v,
                    lshRows,
                    sentenceKeySeeds,
                    sentenceKeyMinTerms,
                    skeletonSize,
                    skeletonMaxWildcards,
                    sentenceKeyCommonStems);
        }

        public Fingerprinting withLshRows(int v) {
            return new Fingerprinting(
                    shingleSize,
                    minHashComponents,
                    lshBands,
                    v,
                    sentenceKeySeeds,
                    sentenceKeyMinTerms,
                    skeletonSize,
                    skeletonMaxWildcards,
                    sentenceKeyCommonStems);
        }

        public Fingerprinting withSentenceKeySeeds(int v) {
            return new Fingerprinting(
                    shingleSize,
                    minHashComponents,
                    lshBands,
                    lshRows,
                    v,
                    sentenceKeyMinTerms,
                    skeletonSize,
                    skeletonMaxWildcards,
                    sentenceKeyCommonStems);
        }

        public Fingerprinting withSentenceKeyMinTerms(int v) {
            return new Fingerprinting(
                    shingleSize,
                    minHashComponents,
                    lshBands,
                    lshRows,
                    sentenceKeySeeds,
                    v,
                    skeletonSize,
                    skeletonMaxWildcards,
                    sentenceKeyCommonStems);
        }

        public Fingerprinting withSkeletonSize(int v) {
            return new Fingerprinting(
                    shingleSize,
                    minHashComponents,
                    lshBands,
                    lshRows,
                    sentenceKeySeeds,
                    sentenceKeyMinTerms,
                    v,
                    skeletonMaxWildcards,
                    sentenceKeyCommonStems);
        }

        public Fingerprinting withSkeletonMaxWildcards(int v) {
            return new Fingerprinting(
                    shingleSize,
                    minHashComponents,
                    lshBands,
                    lshRows,
                    sentenceKeySeeds,
                    sentenceKeyMinTerms,
                    skeletonSize,
                    v,
                    sentenceKeyCommonStems);
        }

        public Fingerprinting withSentenceKeyCommonStems(int v) {
            return new Fingerprinting(
                    shingleSize,
                    minHashComponents,
                    lshBands,
                    lshRows,
                    sentenceKeySeeds,
                    sentenceKeyMinTerms,
                    skeletonSize,
                    skeletonMaxWildcards,
                    v);
        }
    }

    /**
     * How candidates are looked up and how many are scored per article.
     *
     * @param indexBucketCapacity ids kept per candidate key in a candidate index (most recent first); a bucket
     *     that holds this many is full (default 32)
     * @param maxCandidates candidates scored per article (those sharing most keys first); scoring cost is
     *     proportional. On the development sets in stream mode 8 loses one METER rewrite against 15 (recall
     *     0.414 → 0.412) and nothing elsewhere; 6 loses three METER rewrites, 4 loses four and two spun
     *     rewrites (default 8)
     * @param minSharedKeys candidates of a query with at least {@code minSharedKeysFrom} keys must share this
     *     many keys with it (a long rewrite shares many sentence keys; a lone shared key is a topical
     *     coincidence); queries with fewer keys need one shared key ({@link RewriteEngine#minSharedKeys})
     *     (default 1)
     * @param minSharedKeysFrom number of query keys from which {@code minSharedKeys} applies (default 24, with
     *     {@code minSharedKeys} 1 this is off: requiring 2 shared keys from 24 keys cost 1.5 points of stream
     *     recall on the spin set, where a 15-candidate cap cost none on meter and 0.2 on spin)
     * @param maxLaterCandidates candidates published after the article, ranked apart from {@code
     *     maxCandidates} and scored besides them: there are such candidates only when an article arrives after
     *     articles published later than it (a replay, a backfill, a lagging partition), and they are the
     *     rewrites an original meets only from its own side, which the earlier-published candidates would
     *     otherwise crowd out of the {@code maxCandidates} places. Replayed in reverse or shuffled order
     *     through the topology, clough finds 24 of its 33 rewrites with 8, and with 16 the 30 it finds in
     *     date order; METER finds its date-order 213 with 16 (default 16)
     * @param fullBucketMembers members a full bucket answers a lookup with, its newest: a key that {@code
     *     indexBucketCapacity} or more indexed articles share is, like a stop word, evidence of nothing, and
     *     what a lookup meets through such keys would otherwise grow with the index (two-stem sentence keys
     *     of unrelated sentences collide more often the more articles are indexed). The newest members still
     *     connect the copies of a story copied more often than a bucket holds. At or above {@code
     *     indexBucketCapacity} a full bucket answers with all its members, as before 2026-12-04 (default 4)
     */
    public record Candidates(
            int indexBucketCapacity,
            int maxCandidates,
            int minSharedKeys,
            int minSharedKeysFrom,
            int maxLaterCandidates,
            int fullBucketMembers) {

        public static Candidates defaults() {
            return new Candidates(32, 8, 1, 24, 16, 4);
        }

        public Candidates withIndexBucketCapacity(int v) {
            return new Candidates(
                    v, maxCandidates, minSharedKeys, minSharedKeysFrom, maxLaterCandidates, fullBucketMembers);
        }

        public Candidates withMaxCandidates(int v) {
            return new Candidates(
                    indexBucketCapacity, v, minSharedKeys, minSharedKeysFrom, maxLaterCandidates, fullBucketMembers);
        }

        public Candidates withMinSharedKeys(int v) {
            return new Candidates(
                    indexBucketCapacity, maxCandidates, v, minSharedKeysFrom, maxLaterCandidates, fullBucketMembers);
        }

        public Candidates withMinSharedKeysFrom(int v) {
            return new Candidates(
                    indexBucketCapacity, maxCandidates, minSharedKeys, v, maxLaterCandidates, fullBucketMembers);
        }

        public Candidates withMaxLaterCandidates(int v) {
            return new Candidates(
                    indexBucketCapacity, maxCandidates, minSharedKeys, minSharedKeysFrom, v, fullBucketMembers);
        }

        public Candidates withFullBucketMembers(int v) {
            return new Candidates(
                    indexBucketCapacity, maxCandidates, minSharedKeys, minSharedKeysFrom, maxLaterCandidates, v);
        }
    }

    /**
     * The cheap prefilter ({@link PairGate}): rejects pairs before the expensive features (speed).
     *
     * @param minContainment pairs whose candidate content stems are contained in the original's below this
     *     (and the original's in the candidate's) are rejected before scoring (speed) (default 0.25)
     * @param minUnigram pairs whose {@code unigram} (candidate's narrative content stems found in the
     *     original) is below this are rejected before skeleton and sentence alignment unless their {@code
     *     c5} reaches {@code minShingleContainment} (speed: a topical neighbour shares many words but few
     *     5-grams). On the development sets no alerting pair lies in {@code 0.385 <= unigram < 0.49} with
     *     {@code c5 < 0.08}; 0.45 and 0.08 cost one spun rewrite there (unigram 0.385, score 0.56) and
     *     gained one METER rewrite (unigram 0.20, {@code c5} 0.51) against the older 0.3 with only {@code
     *     nearDuplicateContainment} as the escape (default 0.45)
     * @param minShingleContainment {@code c5} from which a pair below {@code minUnigram} is still scored
     *     (the seed rewrite: unigram 0.43, {@code c5} 0.40); a pair reaching {@link
     *     Kinds#nearDuplicateContainment()} is always scored, whatever this is set to (default 0.08)
     */
    public record Gate(double minContainment, double minUnigram, double minShingleContainment) {

        public static Gate defaults() {
            return new Gate(0.25, 0.45, 0.08);
        }

        public Gate withMinContainment(double v) {
            return new Gate(v, minUnigram, minShingleContainment);
        }

        public Gate withMinUnigram(double v) {
            return new Gate(minContainment, v, minShingleContainment);
        }

        public Gate withMinShingleContainment(double v) {
            return new Gate(minContainment, minUnigram, v);
        }
    }

    /**
     * The in-order sentence alignment ({@link SentenceAligner}).
     *
     * @param minSimilarity minimum Dice similarity of two sentences' narrative (non-quote) content stems for
     *     them to be aligned (default 0.34)
     * @param minTerms sentences with fewer narrative content stems take no part in the alignment (default 3)
     */
    public record Alignment(double minSimilarity, int minTerms) {

        public static Alignment defaults() {
            return new Alignment(0.34, 3);
        }

        public Alignment withMinSimilarity(double v) {
            return new Alignment(v, minTerms);
        }

        public Alignment withMinTerms(int v) {
            return new Alignment(minSimilarity, v);
        }
    }

    /**
     * The calibrated score ({@link RewriteScore}): {@code 1 / (1 + exp(-(bias + Σ weight(f) · f)))} over the
     * {@link Feature features}, one weight per feature, named as the feature. {@link #weight(Feature)} reads
     * them by feature.
     *
     * <p>{@code sentenceCandidate}, {@code sentenceOriginal} and {@code bias} of 2026-12-02: {@code
     * FitWeights -Dfit=sentenceCandidate,sentenceOriginal -DnegWeight=8 -Depochs=200000
     * -Ddrop=quoteShared,lengthRatio} on {@code ../shared/data target/generated-sets/spin}: only these three
     * fitted, the older weights held. At 0.5 that fit keeps METER same-event false alerts at 5 of 138 and
     * clough recall at 30 of 33; the band of thresholds doing both is narrow (0.50-0.52).
     *
     * @param bias logistic intercept of the calibrated score (default -7.465)
     * @param c5 weight of {@code c5} (shingle containment, smaller set) (default 2.146)
     * @param narrative5 weight of {@code narrative5} (candidate's non-quote 5-shingles found in the original)
     *     (default 1.217)
     * @param skeleton weight of {@code skeleton} (candidate's skeleton n-grams found in the original) (default
     *     1.036)
     * @param alignCandidate weight of {@code alignCandidate} (share of the candidate's narrative covered by
     *     sentences aligned in order with the original) (default 2.402)
     * @param alignOriginal weight of {@code alignOriginal} (same, share of the original covered) (default
     *     1.662)
     * @param alignSimilarity weight of {@code alignSimilarity} (mean Dice similarity of aligned sentences)
     *     (default 2.928)
     * @param sentenceCandidate weight of {@code sentenceCandidate} (share of the candidate's narrative content
     *     found together in one original sentence, best match per candidate sentence, any order: a rewrite
     *     keeps each sentence's words together even when it reorders, merges or splits sentences, where an
     *     independent text on the same topic shares the topic's words scattered over its sentences) (default
     *     1.48)
     * @param sentenceOriginal weight of {@code sentenceOriginal} (the same, best match per original sentence,
     *     share of the original's narrative content) (default 2.032)
     * @param unigram weight of {@code unigram} (candidate's narrative content stems found in the original)
     *     (default 2.843)
     * @param quoteShared weight of {@code quoteShared} (share of the candidate's quoted words quoted verbatim
     *     in the original; same-event reports share quotes too, so this weight is small or negative) (default
     *     0: the measure is then computed only for alerting pairs, for their signals)
     * @param lengthRatio weight of {@code lengthRatio} (|log(candidate tokens / original tokens)|) (default 0)
     * @param alertThreshold minimum calibrated score for a pair to be reported as a rewrite (default 0.5)
     * @param alertContainment {@code containment} (the candidate's stem 5-shingles found in the original, over
     *     the candidate's, quotes included) from which a pair the gate lets through is reported as a rewrite
     *     whatever its score: a second route to an alert, for newsroom rewrites that keep some of the wire's
     *     phrases and rewrite the rest. Off by default: the value cross-validation chose on METER's
     *     development stories (0.12) raised recall there at the same false-alert rate, but on the hold-out it
     *     more than doubled the false alerts on independent reports, which quote the same testimony at length
     *     (BENCHMARKS.md, "A containment route"); for operators who review every alert. At 1 the route adds
     *     nothing: a candidate wholly contained in its original is a near duplicate already (default 1.0)
     */
    public record Weights(
            double bias,
            double c5,
            double narrative5,
            double skeleton,
            double alignCandidate,
            double alignOriginal,
            double alignSimilarity,
            double sentenceCandidate,
            double sentenceOriginal,
            double unigram,
            double quoteShared,
            double lengthRatio,
            double alertThreshold,
            double alertContainment) {

        public static Weights defaults() {
            return new Weights(
                    -7.465, 2.146, 1.217, 1.036, 2.402, 1.662, 2.928, 1.48, 2.032, 2.843, 0.0, 0.0, 0.5, 1.0);
        }

        /** The weight of one feature. */
        public double weight(Feature f) {
            return switch (f) {
                case C5 -> c5;
                case NARRATIVE5 -> narrative5;
                case SKELETON -> skeleton;
                case ALIGN_CANDIDATE -> alignCandidate;
                case ALIGN_ORIGINAL -> alignOriginal;
                case ALIGN_SIMILARITY -> alignSimilarity;
                case SENTENCE_CANDIDATE -> sentenceCandidate;
                case SENTENCE_ORIGINAL -> sentenceOriginal;
                case UNIGRAM -> unigram;
                case QUOTE_SHARED -> quoteShared;
                case LENGTH_RATIO -> lengthRatio;
            };
        }

        /** The same weights with one feature's weight replaced. */
        public Weights withWeight(Feature f, double v) {
            double[] w = new double[Feature.COUNT];
            for (Feature x : Feature.ALL) {
                w[x.ordinal()] = x == f ? v : weight(x);
            }
            return new Weights(
                    bias,
                    w[0],
                    w[1],
                    w[2],
                    w[3],
                    w[4],
                    w[5],
                    w[6],
                    w[7],
                    w[8],
                    w[9],
                    w[10],
                    alertThreshold,
                    alertContainment);
        }

        public Weights withBias(double v) {
            return new Weights(
                    v,
                    c5,
                    narrative5,
                    skeleton,
                    alignCandidate,
                    alignOriginal,
                    alignSimilarity,
                    sentenceCandidate,
                    sentenceOriginal,
                    unigram,
                    quoteShared,
                    lengthRatio,
                    alertThreshold,
                    alertContainment);
        }

        public Weights withAlertThreshold(double v) {
            return new Weights(
                    bias,
                    c5,
                    narrative5,
                    skeleton,
                    alignCandidate,
                    alignOriginal,
                    alignSimilarity,
                    sentenceCandidate,
                    sentenceOriginal,
                    unigram,
                    quoteShared,
                    lengthRatio,
                    v,
                    alertContainment);
        }

        public Weights withAlertContainment(double v) {
            return new Weights(
                    bias,
                    c5,
                    narrative5,
                    skeleton,
                    alignCandidate,
                    alignOriginal,
                    alignSimilarity,
                    sentenceCandidate,
                    sentenceOriginal,
                    unigram,
                    quoteShared,
                    lengthRatio,
                    alertThreshold,
                    v);
        }
    }

    /**
     * The thresholds naming the kind of an alerting pair ({@link KindClassifier}).
     *
     * @param nearDuplicateContainment {@code c5} at or above which a pair always alerts, as NEAR_DUPLICATE
     *     (default 0.55)
     * @param verbatimJaccard {@code c5} and {@code j5} at or above which the kind is VERBATIM_COPY (default
     *     0.9)
     * @param spunMinAlign minimum {@code alignCandidate} and {@code alignOriginal} for kind SPUN_REWRITE
     *     (default 0.6)
     * @param spunMinSkeleton {@code skeleton} from which an aligned pair is SPUN_REWRITE: synonym substitution
     *     keeps a sentence's function words, names and numbers in place. On the development sets every
     *     aligned alert of the generated spin set has {@code skeleton} ≥ 0.511, while human rewrites that
     *     align in order have it lower (METER's PARAPHRASE pairs: median 0.215, at most 0.504; clough's
     *     revisions: median 0.304). 0 makes every aligned pair SPUN_REWRITE, as before 2026-12-03 (default 0.5)
     * @param spunMaxNarrative5 {@code narrative5} up to which an aligned pair below {@code spunMinSkeleton} is
     *     still SPUN_REWRITE: a spinner that also recasts clauses (the seed pair: {@code skeleton} 0.132) leaves
     *     almost no narrative 5-gram of the original (the seed: 0.037), where a human rewrite that follows the
     *     original sentence by sentence keeps some of its phrases (METER's aligned PARAPHRASE alerts: at least
     *     0.056, median 0.262; clough's: at least 0.087). Between the two (default 0.045)
     */
    public record Kinds(
            double nearDuplicateContainment,
            double verbatimJaccard,
            double spunMinAlign,
            double spunMinSkeleton,
            double spunMaxNarrative5) {

        public static Kinds defaults() {
            return new Kinds(0.55, 0.9, 0.6, 0.5, 0.045);
        }

        public Kinds withNearDuplicateContainment(double v) {
            return new Kinds(v, verbatimJaccard, spunMinAlign, spunMinSkeleton, spunMaxNarrative5);
        }

        public Kinds withVerbatimJaccard(double v) {
            return new Kinds(nearDuplicateContainment, v, spunMinAlign, spunMinSkeleton, spunMaxNarrative5);
        }

        public Kinds withSpunMinAlign(double v) {
            return new Kinds(nearDuplicateContainment, verbatimJaccard, v, spunMinSkeleton, spunMaxNarrative5);
        }

        public Kinds withSpunMinSkeleton(double v) {
            return new Kinds(nearDuplicateContainment, verbatimJaccard, spunMinAlign, v, spunMaxNarrative5);
        }

        public Kinds withSpunMaxNarrative5(double v) {
            return new Kinds(nearDuplicateContainment, verbatimJaccard, spunMinAlign, spunMinSkeleton, v);
        }
    }

    /**
     * The passages a detection carries ({@link EvidenceBuilder}, {@link RevisionDiff}, and the one passage of
     * a verbatim copy in {@link RewriteEngine#compare}). These bound what an alert carries, never what is
     * detected: kinds, scores and which pairs alert do not depend on them.
     *
     * @param maxPassages maximum number of passages in a detection's evidence (default 20)
     * @param maxPassageChars most characters (UTF-16 units) of each text of a passage; a longer text is cut
     *     ({@link MatchedPassage#truncated()}, offsets kept), so an alert carries at most {@code 2 * maxPassages
     *     * maxPassageChars} characters of evidence, where a verbatim copy carried both whole texts (up to
     *     twice the body limit). At least 1. Measured on the development sets and the spin set ({@code
     *     org.rewriteradar.eval.EvidenceLengths}: 1,673 alerting labelled pairs, 9,688 passages, lengths per
     *     side): aligned sentences are at most 489 characters; quotations 349 at the 99th percentile, two of
     *     3,316 over 1,000 (2,160 at most); a revision's changed runs of sentences 198 at the median, 810 at
     *     the 90th percentile, 8% over 1,000, 6,046 at most; a verbatim copy's whole text 206 at the median,
     *     1,703 at the 90th percentile, 23% over 1,000, 7,268 at most. 1,000 keeps every sentence and all but
     *     two quotations whole, cuts 307 passages (3%, long revisions and verbatim copies, which a reader
     *     fetches by offset), and bounds an alert to 40,000 characters of evidence (default 1000)
     */
    public record Evidence(int maxPassages, int maxPassageChars) {

        public static Evidence defaults() {
            return new Evidence(20, 1000);
        }

        public Evidence withMaxPassages(int v) {
            return new Evidence(v, maxPassageChars);
        }

        public Evidence withMaxPassageChars(int v) {
            return new Evidence(maxPassages, v);
        }
    }

    /**
     * What counts as a revision ({@link RevisionDiff}).
     *
     * @param minChangedFraction minimum {@code changedFraction} for a REVISED alert (default 0 = any change)
     */
    public record Revisions(double minChangedFraction) {

        public static Revisions defaults() {
            return new Revisions(0.0);
        }

        public Revisions withMinChangedFraction(double v) {
            return new Revisions(v);
        }
    }

    /**
     * When an article rewrites a story that one source told in several earlier versions (a wire's first
     * copy, substitutes and night leads): the article's narrative stem 5-shingles (outside quotations) found
     * in any of the source's versions among its candidates, taken together. METER's journalists judged a
     * newspaper story derived against all the wire's copy on it, while each version alone holds only part
     * of what the newspaper reused. A story alert is raised only when no pair of the article alerted on its
     * own, only on another source's story (a source's follow-ups and night leads reuse its own earlier copy:
     * on the development sets every story alert within one source was such), and names the version holding most of the article's shingles (METER pairs a newspaper story with
     * the wire version it overlaps most).
     *
     * @param alertNarrative share of the article's narrative 5-shingles found in the story's versions
     *     together from which the article is reported as a rewrite of the story's best version (1 or more:
     *     off, and no story is gathered). Chosen on METER's development stories: with two versions or more
     *     (the same share from one article alone, {@code narrative5}, adds nothing by cross-validation), the
     *     story adds METER rewrites from 0.0577 up and no false alert on any development set's negatives from
     *     0.09 to 0.2 (METER 5 of 138 as without it, sameevent-duc 0 of 280); 0.1 sits inside that range
     *     (BENCHMARKS.md, "Stories") (default 0.1)
     * @param memberMin share of the article's 5-shingles an earlier version of the source must hold on its
     *     own to count as one of the story's versions (default 0.02)
     * @param minVersions fewest versions a story needs to alert: at 1 a single earlier article holding
     *     {@code alertNarrative} of the article's narrative alone alerts too (default 2)
     */
    public record Stories(double alertNarrative, double memberMin, int minVersions) {

        public static Stories defaults() {
            return new Stories(0.1, 0.02, 2);
        }

        /** Whether story alerts are on: a share below 1 can be reached. */
        public boolean enabled() {
            return alertNarrative < 1.0;
        }

        public Stories withAlertNarrative(double v) {
            return new Stories(v, memberMin, minVersions);
        }

        public Stories withMemberMin(double v) {
            return new Stories(alertNarrative, v, minVersions);
        }

        public Stories withMinVersions(int v) {
            return new Stories(alertNarrative, memberMin, v);
        }
    }
}
