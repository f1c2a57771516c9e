/** The generated spin set: WordNet synonym substitution and clause reordering of real articles. */
package org.rewriteradar.eval.spin;
