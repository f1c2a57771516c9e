package org.rewriteradar.eval;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.SetKeywordMarkerFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.rewriteradar.text.FunctionWords;
import org.rewriteradar.text.TextNormalizer;

/**
 * Writes the list of the commonest content stems that {@code fingerprinting.sentence-key-common-stems}
 * leaves out of sentence keys: the stems of the development pools ({@code pool-reuters} and {@code pool-bbc}
 * of {@code ../shared/data}, never the hold-out), function words and numbers excluded, by the number of
 * articles they occur in, most frequent first, made by the same filter chain as the engine's terms
 * (lower case, possessive, function words kept apart, Porter stem).
 *
 * <pre>
 * ./mvnw -B -q test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=org.rewriteradar.eval.CommonStemList \
 *   -Dexec.args="../shared/data src/main/resources/org/rewriteradar/similarity/common-stems.txt 1000"
 * </pre>
 */
public final class CommonStemList {

    private CommonStemList() {}

    /** The distinct content stems of a text. */
    static Set<String> stems(String body) throws IOException {
        Set<String> out = new HashSet<>();
        try (StandardTokenizer tokenizer = new StandardTokenizer()) {
            tokenizer.setReader(new StringReader(TextNormalizer.normalize(body == null ? "" : body)));
            TokenStream ts = new LowerCaseFilter(tokenizer);
            ts = new EnglishPossessiveFilter(ts);
            ts = new SetKeywordMarkerFilter(ts, FunctionWords.SET);
            ts = new PorterStemFilter(ts);
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            KeywordAttribute keyword = ts.addAttribute(KeywordAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                String t = term.toString();
                if (!keyword.isKeyword() && t.chars().allMatch(Character::isLetter)) {
                    out.add(t);
                }
            }
            ts.end();
            ts.close();
        }
        return out;
    }

    public static void main(String[] args) throws IOException {
        Path data = Path.of(args.length > 0 ? args[0] : "../shared/data");
        Path out =
                Path.of(args.length > 1 ? args[1] : "src/main/resources/org/rewriteradar/similarity/common-stems.txt");
        int n = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        if (data.toAbsolutePath().normalize().toString().contains("/holdout")) {
            throw new IllegalArgumentException("the hold-out is not for building the engine: " + data);
        }
        Map<String, Integer> df = new HashMap<>();
        int articles = 0;
        for (String set : List.of("pool-reuters", "pool-bbc")) {
            for (EvalData.Article a : EvalData.load(data.resolve(set), set).articles()) {
                articles++;
                for (String s : stems(a.body())) {
                    df.merge(s, 1, Integer::sum);
                }
            }
        }
        List<String> stems = new ArrayList<>(df.keySet());
        stems.sort((x, y) -> df.get(y).equals(df.get(x)) ? x.compareTo(y) : df.get(y) - df.get(x));
        List<String> lines = new ArrayList<>();
        lines.add("# The commonest content stems of the development pools (pool-reuters and pool-bbc, " + articles
                + " articles), most frequent first: stem, articles it occurs in. Written by eval.CommonStemList;");
        lines.add("# fingerprinting.sentence-key-common-stems=N leaves the first N out of sentence keys.");
        for (String s : stems.subList(0, Math.min(n, stems.size()))) {
            lines.add(s + "\t" + df.get(s));
        }
        Files.write(out, lines, StandardCharsets.UTF_8);
        System.out.println("STEMS wrote " + (lines.size() - 2) + " of " + stems.size() + " stems to " + out);
    }
}
