package org.rewriteradar.similarity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class TextDictionaryTest {

    /** The dictionary is part of fingerprint format 5: its bytes may never change under that version. */
    @Test
    void dictionaryIsPinned() throws Exception {
        byte[] content = TextDictionary.content();
        assertThat(content.length + " "
                        + HexFormat.of()
                                .formatHex(MessageDigest.getInstance("SHA-256").digest(content)))
                .isEqualTo("65536 44335702bec9bb8ab822c5b4c917e04865b0095730dca1c20a28be9013d31a0f");
        List<String> phrases = TextDictionary.phrases();
        assertThat(phrases).hasSize(6112).startsWith("said", "of the", "the").doesNotHaveDuplicates();
        assertThat(phrases).allSatisfy(p -> assertThat(p.split(" ")).hasSizeBetween(1, 3));
        assertThat(content.length).isLessThanOrEqualTo(TextDictionary.MAX_BYTES);
    }

    @Test
    void codesNewsTextInLessThanHalfItsBytes() {
        String text = Fixtures.seedOriginal();
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);

        TextDictionary.Coded coded = TextDictionary.code(text);
        byte[] code = coded.code();

        assertThat(coded.utf8Length()).isEqualTo(utf8.length);
        assertThat(code.length).isLessThan(utf8.length / 2);
        assertThat(TextDictionary.decode(code, utf8.length)).isEqualTo(utf8);
    }

    @Test
    void remembersTheCodeOfTheSameStringOnly() {
        String text = "The minister said the talks would resume on Monday.";
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        TextDictionary.Coded coded = TextDictionary.code(text);

        assertThat(TextDictionary.remembered(text)).isSameAs(coded);
        assertThat(TextDictionary.code(text)).isSameAs(coded);
        assertThat(TextDictionary.remembered(new String(text))).isNull();
        String decoded = TextDictionary.text(coded.code(), utf8.length);
        assertThat(decoded).isEqualTo(text).isNotSameAs(text);
        assertThat(TextDictionary.remembered(decoded).code()).isSameAs(coded.code());
        assertThat(TextDictionary.remembered(decoded).utf8Length()).isEqualTo(utf8.length);
    }

    @Test
    void codesAlikeInEveryThread() throws Exception {
        String text = Fixtures.seedRewrite();
        byte[] expected = TextDictionary.code(text).code();
        var pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<byte[]>> codes = new java.util.ArrayList<>();
            for (int i = 0; i < 16; i++) {
                codes.add(
                        pool.submit(() -> TextDictionary.code(new String(text)).code()));
            }
            for (Future<byte[]> f : codes) {
                assertThat(f.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void refusesACodeOfAnotherLength() {
        String text = "Shares fell sharply in early trading on Wall Street.";
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        byte[] code = TextDictionary.code(text).code();

        assertThatThrownBy(() -> TextDictionary.decode(code, utf8.length + 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("malformed fingerprint: text code");
        assertThatThrownBy(() -> TextDictionary.decode(new byte[] {1, 2, 3}, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("malformed fingerprint: text code");
    }
}
