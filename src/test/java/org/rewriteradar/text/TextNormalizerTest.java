package org.rewriteradar.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextNormalizerTest {

    @Test
    void removesPageFurnitureLines() {
        String raw =
                "date 2022-01-27 Minister speaks at a plenary session on Wednesday (State Duma/TASS/Getty Images)\n\n"
                        + "Share this article\n\nlavrov\n\nThe minister said talks would continue.\n\n"
                        + "Subscribe to our newsletter\n\nExit mobile version";
        assertThat(TextNormalizer.normalize(raw)).isEqualTo("The minister said talks would continue.");
    }

    @Test
    void collapsesWhitespaceOfEveryKindAndKeepsPlainLinesAsTheyAre() {
        String plain = "Second line is plain prose with more than fifteen words in it, so it stays as it is here.";
        String raw =
                "  First  line has   many\tspaces and enough words to pass the furniture limit easily for sure .  \n\n"
                        + plain + "\n"
                        + "Caf\u00e9\u00a0prices rose\u2009sharply as the owners said many customers left town for the new year.\u0001";
        assertThat(TextNormalizer.normalize(raw))
                .isEqualTo(
                        "First line has many spaces and enough words to pass the furniture limit easily for sure .\n"
                                + plain + "\n"
                                + "Caf\u00e9 prices rose sharply as the owners said many customers left town for the new year.");
        // the same lines in a text of plain ASCII spaces only
        assertThat(TextNormalizer.normalize(" " + plain + "  \n" + plain.replace("so it", "so  it")))
                .isEqualTo(plain + "\n" + plain);
    }

    @Test
    void dropsLinesThatAreOnlyADateLabel() {
        assertThat(TextNormalizer.normalize("Published 2021-03-04")).isEmpty();
        assertThat(TextNormalizer.normalize("posted 20210304\nThe council met on Tuesday."))
                .isEqualTo("The council met on Tuesday.");
    }

    @Test
    void stripsLeadingDateLabelButKeepsTheSentence() {
        assertThat(TextNormalizer.normalize("Published 2021-03-04 The council met on Tuesday."))
                .isEqualTo("The council met on Tuesday.");
    }

    @Test
    void foldsTypographicQuotesAndDashesAndNfkc() {
        assertThat(TextNormalizer.normalize("\u201CHello\u201D \u2014 it\u2019s\u00A0\uFB01ne\u2026"))
                .isEqualTo("\"Hello\" - it's fine...");
    }

    @Test
    void convertsHtmlToParagraphsWithoutChrome() {
        String html = "<html><head><script>var x=1;</script></head><body><nav>Home | World</nav>"
                + "<article><p>First paragraph.</p><p>Second <b>bold</b> paragraph.</p></article>"
                + "<footer>Copyright 2024</footer></body></html>";
        assertThat(TextNormalizer.normalize(html)).isEqualTo("First paragraph.\nSecond bold paragraph.");
    }

    @Test
    void keepsOrdinaryShortCapitalisedLines() {
        assertThat(TextNormalizer.normalize("By James Morrison, PA News\n\nA firm was fined."))
                .isEqualTo("By James Morrison, PA News\nA firm was fined.");
    }
}
