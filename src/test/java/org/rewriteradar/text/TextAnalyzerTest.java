package org.rewriteradar.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextAnalyzerTest {

    private static final TextAnalyzer ANALYZER = new TextAnalyzer();

    @Test
    void splitsSentencesButNotAfterAbbreviationsOrInitials() {
        String text = "Mr. Smith met John F. Kennedy in the U.S. capital. He left at 5 p.m. on Friday! Why?\nNew line";
        int[] s = SentenceSplitter.split(text);
        assertThat(s.length / 2).isEqualTo(4);
        assertThat(text.substring(s[0], s[1])).isEqualTo("Mr. Smith met John F. Kennedy in the U.S. capital.");
        assertThat(text.substring(s[6], s[7])).isEqualTo("New line");
    }

    @Test
    void extractsDoubleAndSingleQuotedSpeech() {
        String text = "He said \"we will not give up the fight\" and she replied 'that is not the point at all' today. "
                + "It's the Smiths' house.";
        int[] q = QuoteExtractor.extract(text);
        assertThat(q.length).isEqualTo(4);
        assertThat(text.substring(q[0], q[1])).isEqualTo("we will not give up the fight");
        assertThat(text.substring(q[2], q[3])).isEqualTo("that is not the point at all");
    }

    @Test
    void closesOpenQuotesAtTheParagraphOrTextEndAndSkipsApostrophes() {
        String text = "He said \"we will keep going on\nIt's Jo's 'short' view and 'a longer quoted view' here. "
                + "Then \"one two three four";
        int[] q = QuoteExtractor.extract(text);
        assertThat(q.length).isEqualTo(6);
        assertThat(text.substring(q[0], q[1])).isEqualTo("we will keep going on");
        assertThat(text.substring(q[2], q[3])).isEqualTo("a longer quoted view");
        assertThat(text.substring(q[4], q[5])).isEqualTo("one two three four");
    }

    @Test
    void stemsWithPorterAndFlagsFunctionWordsNamesAndQuotes() {
        AnalyzedText t = ANALYZER.analyze("The ministers were warning Lavrov: \"talks are failing badly\".");
        assertThat(t.size()).isEqualTo(9);
        assertThat(t.terms()[1]).isEqualTo(TextAnalyzer.termHash("minist"));
        assertThat(t.terms()[3]).isEqualTo(TextAnalyzer.termHash("warn"));
        assertThat(t.flags()[0] & AnalyzedText.FUNCTION).isNotZero();
        assertThat(t.flags()[4] & AnalyzedText.CAPITALISED).isNotZero();
        assertThat(t.flags()[0] & AnalyzedText.CAPITALISED).isZero();
        assertThat(t.flags()[5] & AnalyzedText.QUOTE).isNotZero();
        assertThat(t.flags()[3] & AnalyzedText.QUOTE).isZero();
    }

    @Test
    void analysesTextBeyondTheAsciiScannerWithLuceneAlike() {
        // the accented word sends the whole text to StandardTokenizer; the shared part must analyse alike
        String ascii = "Officials said 3,500 troops' U.S. bases can't stay. \"We won't go,\" Lavrov told reporters.";
        AnalyzedText fast = ANALYZER.analyze(ascii);
        AnalyzedText general = ANALYZER.analyze(ascii + " Caf\u00e9");
        assertThat(WordScanner.covers(ascii + " Caf\u00e9")).isFalse();
        int n = fast.size();
        assertThat(general.size()).isEqualTo(n + 1);
        assertThat(java.util.Arrays.copyOf(general.terms(), n)).isEqualTo(fast.terms());
        assertThat(java.util.Arrays.copyOf(general.flags(), n)).isEqualTo(fast.flags());
        assertThat(java.util.Arrays.copyOf(general.starts(), n)).isEqualTo(fast.starts());
        assertThat(java.util.Arrays.copyOf(general.ends(), n)).isEqualTo(fast.ends());
    }

    @Test
    void cachedTermsKeepLongWordsSharingTheirFirstEightCharsApart() {
        // the cache recognises words of up to eight chars from its slot and longer ones from its char pool
        String text = "internationally international internationalised internat internationally Internat";
        for (int round = 0; round < 2; round++) {
            AnalyzedText t = ANALYZER.analyze(new String(text));
            assertThat(t.terms())
                    .containsExactly(
                            TextAnalyzer.termHash("internation"),
                            TextAnalyzer.termHash("intern"),
                            TextAnalyzer.termHash("internationalis"),
                            TextAnalyzer.termHash("internat"),
                            TextAnalyzer.termHash("internation"),
                            TextAnalyzer.termHash("internat"));
        }
    }

    @Test
    void cachedTermsEqualTheLuceneChainsStemsWhenWordsEvictEachOther() throws Exception {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(5);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            int len = 2 + rnd.nextInt(9);
            for (int k = 0; k < len; k++) {
                char c = (char) ('a' + rnd.nextInt(6));
                sb.append(k == 0 && i % 7 == 0 ? Character.toUpperCase(c) : c);
            }
            sb.append(i % 12 == 11 ? ". " : i % 5 == 0 ? "'s " : " ");
        }
        // equal String-style hash codes ("Aa" and "BB"), equal lengths: told apart by the chars alone,
        // in the first four, in chars five to eight, and past the eighth
        for (int i = 0; i < 3; i++) {
            sb.append("AaAa BBBB abcdAaAa abcdBBBB abcdefghAaAa abcdefghBBBB abcdefghAaBB ");
        }
        String text = sb.toString();
        java.util.List<Integer> expected = new java.util.ArrayList<>();
        try (org.apache.lucene.analysis.Analyzer chain = new org.apache.lucene.analysis.Analyzer() {
                    @Override
                    protected TokenStreamComponents createComponents(String field) {
                        var source = new org.apache.lucene.analysis.standard.StandardTokenizer();
                        org.apache.lucene.analysis.TokenStream ts =
                                new org.apache.lucene.analysis.LowerCaseFilter(source);
                        ts = new org.apache.lucene.analysis.en.EnglishPossessiveFilter(ts);
                        ts = new org.apache.lucene.analysis.miscellaneous.SetKeywordMarkerFilter(ts, FunctionWords.SET);
                        return new TokenStreamComponents(
                                source, new org.apache.lucene.analysis.en.PorterStemFilter(ts));
                    }
                };
                org.apache.lucene.analysis.TokenStream ts = chain.tokenStream("body", text)) {
            var term = ts.addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                expected.add(TextAnalyzer.termHash(term));
            }
            ts.end();
        }
        for (int round = 0; round < 2; round++) {
            assertThat(ANALYZER.analyze(new String(text)).terms())
                    .containsExactly(
                            expected.stream().mapToInt(Integer::intValue).toArray());
        }
    }
}
