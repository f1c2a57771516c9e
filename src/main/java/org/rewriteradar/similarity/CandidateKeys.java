package org.rewriteradar.similarity;

import com.dynatrace.hash4j.similarity.ElementHashProvider;
import com.dynatrace.hash4j.similarity.SimilarityHashPolicy;
import com.dynatrace.hash4j.similarity.SimilarityHashing;
import org.rewriteradar.text.AnalyzedText;

/**
 * The lookup keys under which an article is indexed and searched: LSH bands of a MinHash signature plus
 * sentence keys, sorted and distinct, all seeded (stable across JVMs).
 *
 * <p><b>LSH bands.</b> The signature is SuperMinHash ({@code minHashComponents} components of 16 bits) over
 * the set of word 3-shingle hashes of the stems; for two texts each component agrees with probability about
 * their 3-shingle Jaccard similarity J. Band {@code b} hashes components {@code b·rows .. b·rows + rows - 1},
 * so two texts share it with probability about J<sup>rows</sup> and share at least one of {@code lshBands}
 * bands with probability 1 - (1 - J<sup>rows</sup>)<sup>bands</sup>: an S-curve that finds near copies and
 * skips unrelated texts. Texts shorter than {@code shingleSize} tokens get no bands.
 *
 * <p><b>Sentence keys.</b> A spun rewrite changes most 3-shingles but keeps names and some words of each
 * sentence. For each of {@code sentenceKeySeeds} seeds, a sentence's key is the pair of its two content
 * stems (function words excluded, quoted ones included) with the smallest seeded hashes (a bottom-2 sketch):
 * two sentences sharing a fraction s of their distinct content stems share it with probability about s².
 * Sentences with fewer than {@code sentenceKeyMinTerms} distinct content stems get none. The {@code
 * sentenceKeyCommonStems} commonest stems of news ({@link CommonStems}) can be left out of the sketch: a key
 * of two of them is shared by unrelated sentences far more often than chance.
 */
final class CandidateKeys {

    private static final long BAND_SEED = 0x4241_4e44L;
    static final long SENTENCE_SEED = 0x5345_4e54L;

    private final DetectionSettings.Fingerprinting settings;
    private final DetectionSettings.Candidates candidates;
    private final SimilarityHashPolicy minHashPolicy;
    private final CommonStems common;

    CandidateKeys(DetectionSettings.Fingerprinting settings, DetectionSettings.Candidates candidates) {
        this.settings = settings;
        this.candidates = candidates;
        this.minHashPolicy = SimilarityHashing.superMinHash(settings.minHashComponents(), 16);
        this.common =
                settings.sentenceKeyCommonStems() > 0 ? CommonStems.first(settings.sentenceKeyCommonStems()) : null;
    }

    /**
     * The SuperMinHash signature of the text whose premixed stems are {@code mixed}: over its word 3-shingle
     * hashes, which go in unsorted (SuperMinHash ignores order and repeats); a text of fewer than three
     * tokens is hashed as the single value 0.
     */
    byte[] signature(long[] mixed) {
        long[] sh3 = Mix.windows(mixed, 3, Fingerprinter.SHINGLE_SEED);
        return sh3.length == 0
                ? minHashPolicy.createHasher().compute(ElementHashProvider.ofValues(0L))
                : minHashPolicy.createHasher().compute(ElementHashProvider.ofValues(sh3));
    }

    /** Component {@code i} of a {@link #signature}. */
    long component(byte[] signature, int i) {
        return minHashPolicy.getComponent(signature, i);
    }

    /** The keys of an analysed text whose premixed stems are {@code mixed}: bands, then sentence keys, sorted. */
    long[] of(AnalyzedText at, long[] mixed) {
        long[] keys = new long[settings.lshBands() + at.sentences() * settings.sentenceKeySeeds()];
        int k = 0;
        if (at.size() >= settings.shingleSize()) {
            byte[] signature = signature(mixed);
            for (int b = 0; b < settings.lshBands(); b++) {
                long h = Mix.mix(BAND_SEED, b);
                for (int r = 0; r < settings.lshRows(); r++) {
                    h = Mix.mix(h, component(signature, b * settings.lshRows() + r));
                }
                keys[k++] = h;
            }
        }
        // each sentence's content tokens, compacted without a branch, so the seeds' scans have none either
        byte[] flags = at.flags();
        int[] terms = at.terms();
        int[] ss = at.sentenceStarts();
        long[] contentMixed = new long[at.size()];
        int[] contentStart = new int[at.sentences() + 1];
        int c = 0;
        for (int s = 0; s < at.sentences(); s++) {
            contentStart[s] = c;
            for (int i = ss[s]; i < ss[s + 1]; i++) {
                contentMixed[c] = mixed[i];
                c += (flags[i] & AnalyzedText.FUNCTION) == 0 && (common == null || !common.contains(terms[i])) ? 1 : 0;
            }
        }
        contentStart[at.sentences()] = c;
        for (int s = 0; s < at.sentences(); s++) {
            for (int seed = 0; seed < settings.sentenceKeySeeds(); seed++) {
                long salt = Mix.mix(SENTENCE_SEED, seed);
                long min1 = Long.MAX_VALUE;
                long min2 = Long.MAX_VALUE;
                int distinct = 0;
                for (int i = contentStart[s]; i < contentStart[s + 1]; i++) {
                    long h = Mix.mixPremixed(salt, contentMixed[i]);
                    if (h == min1 || h == min2) {
                        continue;
                    }
                    distinct++;
                    if (h < min1) {
                        min2 = min1;
                        min1 = h;
                    } else if (h < min2) {
                        min2 = h;
                    }
                }
                if (distinct >= settings.sentenceKeyMinTerms()) {
                    keys[k++] = Mix.mix(min1, min2);
                }
            }
        }
        return SortedSets.unique(keys, k);
    }

    /**
     * Shared keys a candidate needs with a query of these keys before it is scored: {@link
     * DetectionSettings.Candidates#minSharedKeys()} for queries with at least {@link
     * DetectionSettings.Candidates#minSharedKeysFrom()} keys, else 1.
     */
    int minSharedKeys(long[] keys) {
        return keys.length >= candidates.minSharedKeysFrom() ? Math.max(1, candidates.minSharedKeys()) : 1;
    }
}
