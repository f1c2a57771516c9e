package org.rewriteradar.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.rewriteradar.eval.EvalData;
import org.rewriteradar.text.FunctionWords;

/**
 * The benchmark's index filler: synthetic articles made by perturbing real pool articles, so an index of
 * any size has real article lengths, paragraphing, function-word structure, names, numbers and a Zipfian
 * content vocabulary, without being copies of the articles it is queried with.
 *
 * <p>Article {@code k} (id {@code "synthetic-k"}) starts from pool article {@code k mod N}; with a
 * {@link SplittableRandom} seeded by {@code seed + k}, every lower-case content word (letters only, not a
 * {@link FunctionWords function word}) is replaced with probability {@code replace} by a content word drawn
 * from all content-word occurrences of the pool (so frequent words stay frequent), and every capitalised
 * word likewise by a capitalised word of the pool; numbers, punctuation and function words are kept; the
 * paragraphs are shuffled and each is dropped with probability 0.1. With the default {@code replace =
 * 0.8} a synthetic article has the length, paragraphing, function words and vocabulary statistics of real
 * news and shares about a fifth of its base article's words, out of order: a distractor on a similar
 * topic, not a rewrite (an earlier version that kept names and paragraph order made every query's 47
 * relatives spun copies of it, which the engine rightly flagged).
 */
public final class PerturbedPool {

    public static final double DEFAULT_REPLACE = 0.8;
    public static final long DEFAULT_SEED = 20_220_127L;

    private final List<EvalData.Article> pool;
    private final List<String> contentWords = new ArrayList<>();
    private final List<String> names = new ArrayList<>();
    private final double replace;
    private final long seed;

    public PerturbedPool(List<EvalData.Article> pool, double replace, long seed) {
        this.pool = pool;
        this.replace = replace;
        this.seed = seed;
        for (EvalData.Article a : pool) {
            String body = a.body() == null ? "" : a.body();
            int i = 0;
            while (i < body.length()) {
                int j = wordEnd(body, i);
                if (j > i) {
                    String w = body.substring(i, j);
                    if (isContent(w)) {
                        contentWords.add(w);
                    } else if (isName(w)) {
                        names.add(w);
                    }
                    i = j;
                } else {
                    i++;
                }
            }
        }
    }

    /**
     * Article {@code k} of an index filled from this pool: the pool's own articles first, then synthetic
     * article {@code k - pool size}.
     */
    public EvalData.Article indexArticle(int k) {
        return k < pool.size() ? pool.get(k) : article(k - pool.size());
    }

    /** Synthetic article {@code k}. */
    public EvalData.Article article(int k) {
        EvalData.Article base = pool.get(k % pool.size());
        SplittableRandom rnd = new SplittableRandom(seed + k);
        String body = base.body() == null ? "" : base.body();
        String[] paragraphs = body.split("\n");
        for (int p = paragraphs.length - 1; p > 0; p--) {
            int q = rnd.nextInt(p + 1);
            String t = paragraphs[p];
            paragraphs[p] = paragraphs[q];
            paragraphs[q] = t;
        }
        StringBuilder out = new StringBuilder(body.length() + 16);
        for (int p = 0; p < paragraphs.length; p++) {
            boolean last = p == paragraphs.length - 1 && out.length() == 0;
            if (!last && rnd.nextDouble() < 0.1) {
                continue;
            }
            if (out.length() > 0) {
                out.append('\n');
            }
            String para = paragraphs[p];
            int i = 0;
            while (i < para.length()) {
                int j = wordEnd(para, i);
                if (j > i) {
                    String w = para.substring(i, j);
                    if (isContent(w) && rnd.nextDouble() < replace) {
                        out.append(contentWords.get(rnd.nextInt(contentWords.size())));
                    } else if (isName(w) && !names.isEmpty() && rnd.nextDouble() < replace) {
                        out.append(names.get(rnd.nextInt(names.size())));
                    } else {
                        out.append(w);
                    }
                    i = j;
                } else {
                    out.append(para.charAt(i++));
                }
            }
        }
        return new EvalData.Article("synthetic-" + k, base.title(), out.toString(), base.publishedAt(), base.source());
    }

    private static int wordEnd(String s, int i) {
        int j = i;
        while (j < s.length() && Character.isLetter(s.charAt(j))) {
            j++;
        }
        return j;
    }

    private static boolean isName(String w) {
        return w.length() >= 2 && Character.isUpperCase(w.charAt(0)) && Character.isLowerCase(w.charAt(1));
    }

    private static boolean isContent(String w) {
        if (w.length() < 2 || !Character.isLowerCase(w.charAt(0))) {
            return false;
        }
        return !FunctionWords.SET.contains(w.toLowerCase(Locale.ROOT));
    }
}
