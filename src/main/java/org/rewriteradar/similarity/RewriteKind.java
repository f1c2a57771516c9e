package org.rewriteradar.similarity;

/**
 * How a later text relates to an earlier one, from the strongest form of copying to the weakest.
 *
 * <ul>
 *   <li>{@link #VERBATIM_COPY}: the same text, up to whitespace, punctuation and page furniture.
 *   <li>{@link #NEAR_DUPLICATE}: mostly the same wording with small edits, cuts or additions.
 *   <li>{@link #SPUN_REWRITE}: the same sentences in the same order with many words swapped for synonyms
 *       (machine "spinning"); quotes, names and numbers usually kept.
 *   <li>{@link #PARAPHRASE}: rewritten or condensed from the earlier text by a person.
 *   <li>{@link #REVISED}: a later version of the same article (same id) whose text changed.
 * </ul>
 */
public enum RewriteKind {
    VERBATIM_COPY,
    NEAR_DUPLICATE,
    SPUN_REWRITE,
    PARAPHRASE,
    REVISED
}
