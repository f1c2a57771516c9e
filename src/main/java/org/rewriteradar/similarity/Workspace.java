package org.rewriteradar.similarity;

import org.rewriteradar.text.AnalyzedText;
import org.rewriteradar.text.TextAnalyzer;

/**
 * Everything the engine reuses between calls on one thread, in one place: the text analyser (with its term
 * cache), the radix sorter's buffers, the probe tables of the last candidate scored, the alignment's
 * scratch arrays and the last two text analyses. Each {@link RewriteEngine} owns one per thread ({@code
 * ThreadLocal<Workspace>} in the façade) and hands it to the role classes it calls; the role classes hold no
 * mutable state. Not thread-safe.
 *
 * <p>Nothing here is keyed by object identity: {@link #analysis} and {@link ProbeSets#prepare} recognise
 * their input by value (equal text, equal arrays), so a reused result is always the one a fresh computation
 * would give. Both checks are immediate for the same instance, which is the common case they exist for: a
 * new article fingerprinted and then compared with each of its candidates in turn, and explained when it
 * alerts.
 */
final class Workspace {

    final TextAnalyzer analyzer = new TextAnalyzer();
    final RadixSort sorter = new RadixSort();
    final ProbeSets candidateTables = new ProbeSets();
    final SentenceAligner.Scratch alignment = new SentenceAligner.Scratch();

    private final String[] texts = new String[2];
    private final AnalyzedText[] analyses = new AnalyzedText[2];

    /**
     * The analysis of a normalised text. The last two texts analysed here are kept with their analyses and
     * recognised by {@link String#equals} (immediate for the same instance), so a text analysed for its
     * fingerprint is not analysed again when the pair it is in alerts.
     */
    AnalyzedText analysis(String text) {
        for (int i = 0; i < 2; i++) {
            if (text != null && text.equals(texts[i])) {
                return analyses[i];
            }
        }
        AnalyzedText at = analyzer.analyze(text);
        texts[1] = texts[0];
        analyses[1] = analyses[0];
        texts[0] = text;
        analyses[0] = at;
        return at;
    }
}
