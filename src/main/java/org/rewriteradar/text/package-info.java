/**
 * Text analysis: HTML to text, Unicode and typography folding, page-furniture removal, sentence
 * splitting, tokenising and stemming (Lucene's analyzers, with an exact ASCII fast path), function-word
 * flags and quotation spans.
 *
 * <p>The bottom layer: pure Java over the JDK, Lucene, jsoup and hash4j. It depends on no other package
 * of Rewrite Radar and on no Kafka or Quarkus class ({@code LayeringTest} enforces this).
 */
package org.rewriteradar.text;
