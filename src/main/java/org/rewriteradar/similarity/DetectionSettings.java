package org.rewriteradar.similarity;

/**
 * Every threshold and size of the detection engine, as a flat record of primitives (mapped from Quarkus
 * configuration). {@link #defaults()} holds the values tuned on the development sets of
 * {@code shared/data} (logistic weights fitted by {@code org.rewriteradar.eval.FitWeights}).
 *
 * <p>{@code wSentenceCandidate}, {@code wSentenceOriginal} and {@code bias} of 2026-12-02: {@code FitWeights
 * -Dfit=sentenceCandidate,sentenceOriginal -DnegWeight=8 -Depochs=200000 -Ddrop=quoteShared,lengthRatio}
 * on {@code ../shared/data target/generated-sets/spin}: only these three fitted, the older weights
 * held. At 0.5 that fit keeps METER same-event false alerts at 5 of 138 and clough recall at 30 of 33; the
 * band of thresholds doing both is narrow (0.50-0.52).
 *
 * @param shingleSize word (stem) n-gram size for the verbatim-overlap measures {@code c5}, {@code j5}
 * @param minHashComponents number of SuperMinHash components over stem 3-shingles (document LSH)
 * @param lshBands number of LSH bands cut from the SuperMinHash signature
 * @param lshRows components per LSH band ({@code lshBands * lshRows <= minHashComponents})
 * @param sentenceKeySeeds candidate keys per sentence: each is the pair of the sentence's content stems
 *     with the smallest seeded hashes (a bottom-2 sketch), so spun sentences that keep names and some
 *     words share keys even when every 5-gram changed
 * @param sentenceKeyMinTerms sentences with fewer distinct content stems get no sentence key
 * @param skeletonSize length of the "skeleton" n-grams: function words, numbers and names literal,
 *     other words replaced by a wildcard (what synonym substitution leaves intact)
 * @param skeletonMaxWildcards skeleton n-grams with more wildcards than this are ignored
 * @param alignMinSimilarity minimum Dice similarity of two sentences' narrative (non-quote) content
 *     stems for them to be aligned
 * @param alignMinTerms sentences with fewer narrative content stems take no part in the alignment
 * @param prefilterMinContainment pairs whose candidate content stems are contained in the original's
 *     below this are rejected before scoring (speed)
 * @param prefilterMinUnigram pairs whose {@code unigram} (candidate's narrative content stems found in
 *     the original) is below this are rejected before skeleton and sentence alignment unless their {@code
 *     c5} reaches {@code prefilterMinShingleContainment} (speed: a topical neighbour shares many words
 *     but few 5-grams). On the development sets no alerting pair lies in {@code 0.385 <= unigram < 0.49}
 *     with {@code c5 < 0.08}; 0.45 and 0.08 cost one spun rewrite there (unigram 0.385, score 0.56) and
 *     gained one METER rewrite (unigram 0.20, {@code c5} 0.51) against the older 0.3 with only
 *     {@code nearDuplicateContainment} as the escape
 * @param prefilterMinShingleContainment {@code c5} from which a pair below {@code prefilterMinUnigram} is
 *     still scored (the seed rewrite: unigram 0.43, {@code c5} 0.40); a pair reaching {@code
 *     nearDuplicateContainment} is always scored, whatever this is set to
 * @param bias logistic intercept of the calibrated score
 * @param wContainment weight of {@code c5} (shingle containment, smaller set)
 * @param wNarrative weight of {@code narrative5} (candidate's non-quote 5-shingles found in the original)
 * @param wSkeleton weight of {@code skeleton} (candidate's skeleton n-grams found in the original)
 * @param wAlignCandidate weight of {@code alignCandidate} (share of the candidate's narrative covered by
 *     sentences aligned in order with the original)
 * @param wAlignOriginal weight of {@code alignOriginal} (same, share of the original covered)
 * @param wAlignSimilarity weight of {@code alignSimilarity} (mean Dice similarity of aligned sentences)
 * @param wSentenceCandidate weight of {@code sentenceCandidate} (share of the candidate's narrative content
 *     found together in one original sentence, best match per candidate sentence, any order: a rewrite
 *     keeps each sentence's words together even when it reorders, merges or splits sentences, where an
 *     independent text on the same topic shares the topic's words scattered over its sentences)
 * @param wSentenceOriginal weight of {@code sentenceOriginal} (the same, best match per original sentence,
 *     share of the original's narrative content)
 * @param wUnigram weight of {@code unigram} (candidate's narrative content stems found in the original)
 * @param wQuote weight of {@code quoteShared} (share of the candidate's quoted words quoted verbatim in
 *     the original; same-event reports share quotes too, so this weight is small or negative)
 * @param wLength weight of {@code lengthRatio} (|log(candidate tokens / original tokens)|)
 * @param alertThreshold minimum calibrated score for a pair to be reported as a rewrite
 * @param nearDuplicateContainment {@code c5} at or above which a pair always alerts, as NEAR_DUPLICATE
 * @param verbatimJaccard {@code c5} and {@code j5} at or above which the kind is VERBATIM_COPY
 * @param spunMinAlign minimum {@code alignCandidate} and {@code alignOriginal} for kind SPUN_REWRITE
 * @param spunMinSkeleton minimum {@code skeleton} for kind SPUN_REWRITE
 * @param maxEvidence maximum number of passages in a detection's evidence
 * @param revisionMinChangedFraction minimum {@code changedFraction} for a REVISED alert (0 = any change)
 * @param indexBucketCapacity ids kept per candidate key in a candidate index (most recent first)
 * @param maxCandidates candidates scored per article (those sharing most keys first); scoring cost is
 *     proportional. On the development sets in stream mode 8 loses one METER rewrite against 15 (recall
 *     0.414 → 0.412) and nothing elsewhere; 6 loses three METER rewrites, 4 loses four and two spun
 *     rewrites
 * @param minSharedKeys candidates of a query with at least {@code minSharedKeysFrom} keys must share this
 *     many keys with it (a long rewrite shares many sentence keys; a lone shared key is a topical
 *     coincidence); queries with fewer keys need one shared key ({@link RewriteEngine#minSharedKeys})
 * @param minSharedKeysFrom number of query keys from which {@code minSharedKeys} applies (default off:
 *     requiring 2 shared keys from 24 keys cost 1.5 points of stream recall on the spin set, where a
 *     15-candidate cap cost none on meter and 0.2 on spin)
 */
public record DetectionSettings(
        int shingleSize,
        int minHashComponents,
        int lshBands,
        int lshRows,
        int sentenceKeySeeds,
        int sentenceKeyMinTerms,
        int skeletonSize,
        int skeletonMaxWildcards,
        double alignMinSimilarity,
        int alignMinTerms,
        double prefilterMinContainment,
        double prefilterMinUnigram,
        double prefilterMinShingleContainment,
        double bias,
        double wContainment,
        double wNarrative,
        double wSkeleton,
        double wAlignCandidate,
        double wAlignOriginal,
        double wAlignSimilarity,
        double wSentenceCandidate,
        double wSentenceOriginal,
        double wUnigram,
        double wQuote,
        double wLength,
        double alertThreshold,
        double nearDuplicateContainment,
        double verbatimJaccard,
        double spunMinAlign,
        double spunMinSkeleton,
        int maxEvidence,
        double revisionMinChangedFraction,
        int indexBucketCapacity,
        int maxCandidates,
        int minSharedKeys,
        int minSharedKeysFrom) {

    public static DetectionSettings defaults() {
        return new DetectionSettings(
                5, // shingleSize
                64, // minHashComponents
                16, // lshBands
                4, // lshRows
                2, // sentenceKeySeeds
                4, // sentenceKeyMinTerms
                6, // skeletonSize
                3, // skeletonMaxWildcards
                0.34, // alignMinSimilarity
                3, // alignMinTerms
                0.25, // prefilterMinContainment
                0.45, // prefilterMinUnigram
                0.08, // prefilterMinShingleContainment
                -7.465, // bias
                2.146, // wContainment
                1.217, // wNarrative
                1.036, // wSkeleton
                2.402, // wAlignCandidate
                1.662, // wAlignOriginal
                2.928, // wAlignSimilarity
                1.48, // wSentenceCandidate
                2.032, // wSentenceOriginal
                2.843, // wUnigram
                0.0, // wQuote
                0.0, // wLength
                0.5, // alertThreshold
                0.55, // nearDuplicateContainment
                0.9, // verbatimJaccard
                0.6, // spunMinAlign
                0.0, // spunMinSkeleton
                20, // maxEvidence
                0.0, // revisionMinChangedFraction
                64, // indexBucketCapacity
                8, // maxCandidates
                1, // minSharedKeys
                24); // minSharedKeysFrom
    }
}
