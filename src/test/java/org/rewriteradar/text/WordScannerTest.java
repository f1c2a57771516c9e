package org.rewriteradar.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.junit.jupiter.api.Test;
import org.rewriteradar.SharedData;
import org.rewriteradar.eval.EvalData;

class WordScannerTest {

    private final StandardTokenizer lucene = new StandardTokenizer();

    /** Tokens as "start-end type", type N for {@code <NUM>} and A for anything else. */
    private List<String> lucene(String text) throws IOException {
        List<String> out = new ArrayList<>();
        lucene.setReader(new StringReader(text));
        OffsetAttribute offset = lucene.getAttribute(OffsetAttribute.class);
        TypeAttribute type = lucene.getAttribute(TypeAttribute.class);
        lucene.reset();
        while (lucene.incrementToken()) {
            String t = type.type().equals(StandardTokenizer.TOKEN_TYPES[StandardTokenizer.NUM]) ? "N" : "A";
            out.add(offset.startOffset() + "-" + offset.endOffset() + " " + t);
        }
        lucene.end();
        lucene.close();
        return out;
    }

    /** The scanner's tokens in the same form, or null when it leaves the text to Lucene. */
    private static List<String> scanned(String text) {
        WordScanner.Tokens tokens = WordScanner.scan(text.toCharArray(), text.length(), new WordScanner.Tokens());
        if (tokens == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (int k = 0; k < tokens.count; k++) {
            int start = tokens.spans[2 * k];
            out.add((start & ~WordScanner.NUMBER_BIT) + "-" + tokens.spans[2 * k + 1] + " " + (start < 0 ? "N" : "A"));
        }
        return out;
    }

    @Test
    void joinsWordsAndNumbersAsUax29Does() throws IOException {
        String text = "U.S. officials' 3,500.75 troops_ __init__ can't 1'000 a:b 12;34 a.1 1.a x1.2y - 'quoted' 5%";
        assertThat(scanned(text)).isEqualTo(lucene(text));
        List<String> words = new ArrayList<>();
        for (String t : scanned(text)) {
            String[] range = t.split("[- ]");
            words.add(text.substring(Integer.parseInt(range[0]), Integer.parseInt(range[1])));
        }
        assertThat(words)
                .containsExactly(
                        "U.S",
                        "officials",
                        "3,500.75",
                        "troops_",
                        "__init__",
                        "can't",
                        "1'000",
                        "a:b",
                        "12;34",
                        "a",
                        "1",
                        "1",
                        "a",
                        "x1.2y",
                        "quoted",
                        "5");
    }

    @Test
    void agreesWithStandardTokenizerOnGeneratedText() throws IOException {
        // every character class UAX#29 distinguishes among the covered characters, densely mixed
        String alphabet = "aZq09_:.',;\"-#*@/\n ()&%$!?+=<>[]{}|\\~^`\t\u0001\u007f\u00a3\u20ac\u00a5\u00b0\u2022";
        SplittableRandom rnd = new SplittableRandom(29);
        int compared = 0;
        for (int i = 0; i < 50_000; i++) {
            char[] chars = new char[1 + rnd.nextInt(24)];
            for (int k = 0; k < chars.length; k++) {
                chars[k] = alphabet.charAt(rnd.nextInt(alphabet.length()));
            }
            String text = new String(chars);
            assertThat(WordScanner.covers(text)).isTrue();
            assertThat(scanned(text)).as("tokens of [%s]", text).isEqualTo(lucene(text));
            compared++;
        }
        assertThat(compared).isEqualTo(50_000);
    }

    @Test
    void leavesTokensLongerThanTheTokenizersLimitToLucene() throws IOException {
        String limit = "x".repeat(WordScanner.MAX_TOKEN_LENGTH);
        assertThat(scanned("a " + limit + " b")).isEqualTo(lucene("a " + limit + " b"));
        assertThat(scanned("a " + limit + "y b")).isNull();
    }

    @Test
    void coversAsciiAndCommonSymbolsOnly() {
        assertThat(WordScanner.covers("Costs rose to \u00a35m (\u20ac6m) at 20\u00b0C \u2022 up"))
                .isTrue();
        assertThat(WordScanner.covers("caf\u00e9")).isFalse();
        assertThat(WordScanner.covers("\u201cquoted\u201d")).isFalse();
        assertThat(WordScanner.covers("\u00a9 BBC")).isFalse();
    }

    @Test
    void agreesWithStandardTokenizerOnDevelopmentArticles() throws IOException {
        int compared = 0;
        for (String set : List.of("data/pool-bbc", "data/meter", "data/clough", "data/sameevent-duc")) {
            for (EvalData.Article a :
                    EvalData.load(SharedData.require(set), set).articles()) {
                String text = TextNormalizer.normalize(a.body());
                if (WordScanner.covers(text)) {
                    assertThat(scanned(text)).as("tokens of %s", a.id()).isEqualTo(lucene(text));
                    compared++;
                }
            }
        }
        assertThat(compared).isGreaterThan(1_000);
    }
}
