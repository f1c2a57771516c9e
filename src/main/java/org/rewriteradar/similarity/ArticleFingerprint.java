package org.rewriteradar.similarity;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Base64;

/**
 * Everything the engine keeps about one article version: its normalised text and the compact,
 * comparison-ready sets computed from it. Stored in state stores and sent through repartition topics, so
 * it holds only what pair scoring needs in its final form (sorted primitive arrays, merge-joined without
 * rebuilding); token offsets, sentence spans and quotations are recomputed from {@code text} when an alert
 * needs evidence. Every hash is seeded and stable across JVMs and machines.
 *
 * <p>Packed sets hold {@value PackedHashes#BITS}-bit hashes ({@link PackedHashes}) shifted left by one, with
 * bit 0 set when the item occurs in the narrative (outside quotations); they are sorted ascending and
 * distinct in {@code value >> 1}.
 *
 * <p>Binary form: {@link FingerprintCodec}. Jackson writes the fingerprint as one base64 string of that
 * binary form (about a third of the size of a field-by-field JSON object) and reads it back.
 *
 * @param id article id
 * @param text normalised plain text (HTML and page furniture removed); evidence offsets point into it
 * @param textHash stable 64-bit hash of {@code text}; equal hashes mean an identical re-send
 * @param tokens number of word tokens in {@code text}
 * @param contentTerms packed set of the stem hashes of the non-function words (prefilter, unigram overlap,
 *     sentence alignment dictionary)
 * @param shingles packed set of the stem 5-shingle hashes ({@code c5}, {@code j5}, {@code narrative5})
 * @param skeleton packed set of the skeleton n-gram hashes (function words, numbers and names literal)
 * @param sentenceTerms per sentence, the sorted distinct indices into {@code contentTerms} of its narrative
 *     content stems, concatenated
 * @param sentenceOffsets start of each sentence in {@code sentenceTerms}, plus its length at the end
 *     (sentence {@code k} is the {@code k}-th sentence of {@code text})
 * @param keys LSH candidate keys ({@link RewriteEngine#candidateKeys}), sorted
 */
public record ArticleFingerprint(
        String id,
        String text,
        long textHash,
        int tokens,
        int[] contentTerms,
        int[] shingles,
        int[] skeleton,
        int[] sentenceTerms,
        int[] sentenceOffsets,
        long[] keys) {

    /** Number of sentences. */
    public int sentences() {
        return sentenceOffsets == null || sentenceOffsets.length == 0 ? 0 : sentenceOffsets.length - 1;
    }

    /** The same fingerprint under another id. */
    public ArticleFingerprint withId(String newId) {
        return new ArticleFingerprint(
                newId, text, textHash, tokens, contentTerms, shingles, skeleton, sentenceTerms, sentenceOffsets, keys);
    }

    /** The same fingerprint with other hash sets and sentences: id, text, counts and keys kept. */
    public ArticleFingerprint withSets(
            int[] contentTerms, int[] shingles, int[] skeleton, int[] sentenceTerms, int[] sentenceOffsets) {
        return new ArticleFingerprint(
                id, text, textHash, tokens, contentTerms, shingles, skeleton, sentenceTerms, sentenceOffsets, keys);
    }

    /**
     * The same fingerprint without its LSH keys, which only indexing needs: what is stored and sent for
     * scoring once the article is indexed (the keys are about a tenth of the encoded size and do not
     * compress).
     */
    public ArticleFingerprint withoutKeys() {
        return keys == null || keys.length == 0
                ? this
                : new ArticleFingerprint(
                        id,
                        text,
                        textHash,
                        tokens,
                        contentTerms,
                        shingles,
                        skeleton,
                        sentenceTerms,
                        sentenceOffsets,
                        null);
    }

    /** Jackson form: base64 of {@link FingerprintCodec#encode}. */
    @JsonValue
    public String toBase64() {
        return Base64.getEncoder().encodeToString(FingerprintCodec.encode(this));
    }

    /** Reads the Jackson form written by {@link #toBase64()}. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static ArticleFingerprint fromBase64(String base64) {
        return FingerprintCodec.decode(Base64.getDecoder().decode(base64));
    }
}
