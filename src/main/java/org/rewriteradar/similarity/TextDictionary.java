package org.rewriteradar.similarity;

import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdDecompressCtx;
import com.github.luben.zstd.ZstdDictCompress;
import com.github.luben.zstd.ZstdDictDecompress;
import com.github.luben.zstd.ZstdException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The text code of fingerprint format 5: Zstandard with a fixed dictionary of common English news phrases.
 *
 * <p>A fingerprint's text is a few kilobytes at most, too little for a compressor to learn from on its own:
 * most of what it could refer back to is not there yet. A dictionary gives it that history up front. This
 * one is a list of phrases, not passages: the words and the two- and three-word phrases that occur in at
 * least {@value #MIN_ARTICLES} articles of the development pools {@code pool-reuters} and {@code meter},
 * most useful first (articles × bytes), up to {@value #MAX_BYTES} bytes ({@code TextPhraseList} in the
 * tools made it, from the normalised texts). Its content is the phrases in reverse order, one space
 * between and around them, so the most useful phrases lie nearest the text, where a reference to them is
 * cheapest. Frames are written without magic number, dictionary id or checksum (the format names the code
 * and the fingerprint's header holds the text's length), at level {@value #LEVEL}.
 *
 * <p>The dictionary is part of the format: the bytes of a text coded with one list decode to another text
 * under any other, so a changed list is a new format version (a test pins its digest).
 *
 * <p>Coding costs tens of microseconds per text and fingerprints are encoded again on their way to every
 * partition that scores them, so each thread remembers the code of the last few texts it coded or
 * decoded (by identity: the same {@code String}), and codes a text once per article and thread.
 */
final class TextDictionary {

    /** Resource holding the phrases, one per line, most useful first; lines starting with '#' are comments. */
    static final String RESOURCE = "/org/rewriteradar/similarity/text-phrases.txt";

    /** Articles a phrase occurs in, at least, to be in the list. */
    static final int MIN_ARTICLES = 50;

    /** Bytes of the dictionary, at most. */
    static final int MAX_BYTES = 65_536;

    /** Zstandard level of the coding. */
    static final int LEVEL = 6;

    /** Texts whose code each thread remembers. */
    private static final int REMEMBERED = 8;

    private static final byte[] CONTENT = content(phrases());
    private static final ZstdDictCompress COMPRESS = new ZstdDictCompress(CONTENT, LEVEL);
    private static final ZstdDictDecompress DECOMPRESS = new ZstdDictDecompress(CONTENT);

    private static final ThreadLocal<Coder> CODER = ThreadLocal.withInitial(Coder::new);

    private TextDictionary() {}

    /** The dictionary's bytes (tests pin them). */
    static byte[] content() {
        return CONTENT.clone();
    }

    /** A text's code and the number of its UTF-8 bytes. */
    record Coded(byte[] code, int utf8Length) {}

    /** The code of {@code text}, remembered for the next call with the same {@code String}. */
    static Coded code(String text) {
        return CODER.get().code(text);
    }

    /** The code of {@code text} when this thread coded or decoded that very {@code String} lately, else null. */
    static Coded remembered(String text) {
        return CODER.get().remembered(text);
    }

    /**
     * The UTF-8 bytes of the text of {@code length} bytes coded as {@code code}.
     *
     * @throws IllegalArgumentException when {@code code} is not such a code
     */
    static byte[] decode(byte[] code, int length) {
        return CODER.get().decode(code, length);
    }

    /**
     * The text of {@code length} UTF-8 bytes coded as {@code code}, remembered by this thread as that text's
     * code (a fingerprint decoded is often encoded again).
     *
     * @throws IllegalArgumentException when {@code code} is not such a code
     */
    static String text(byte[] code, int length) {
        Coder coder = CODER.get();
        String text = new String(coder.decode(code, length), StandardCharsets.UTF_8);
        coder.remember(text, new Coded(code, length));
        return text;
    }

    /** The phrases of {@link #RESOURCE}, most useful first. */
    static List<String> phrases() {
        try (InputStream in = TextDictionary.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            List<String> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isEmpty() && !line.startsWith("#")) {
                    out.add(line);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A dictionary's content: the phrases in reverse order, a space between and around them. */
    static byte[] content(List<String> phrases) {
        StringBuilder sb = new StringBuilder(MAX_BYTES + 1).append(' ');
        for (int i = phrases.size() - 1; i >= 0; i--) {
            sb.append(phrases.get(i)).append(' ');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** One thread's coding contexts and the codes it remembers. */
    private static final class Coder {
        private final ZstdCompressCtx compress = new ZstdCompressCtx();
        private final ZstdDecompressCtx decompress = new ZstdDecompressCtx();
        private final String[] texts = new String[REMEMBERED];
        private final Coded[] codes = new Coded[REMEMBERED];
        private int next;

        Coder() {
            compress.loadDict(COMPRESS);
            compress.setMagicless(true);
            compress.setDictID(false);
            compress.setChecksum(false);
            compress.setContentSize(false);
            decompress.loadDict(DECOMPRESS);
            decompress.setMagicless(true);
        }

        Coded code(String text) {
            Coded coded = remembered(text);
            if (coded == null) {
                byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
                coded = new Coded(compress.compress(utf8), utf8.length);
                remember(text, coded);
            }
            return coded;
        }

        Coded remembered(String text) {
            for (int i = 0; i < REMEMBERED; i++) {
                if (texts[i] == text) {
                    return codes[i];
                }
            }
            return null;
        }

        void remember(String text, Coded coded) {
            texts[next] = text;
            codes[next] = coded;
            next = (next + 1) % REMEMBERED;
        }

        byte[] decode(byte[] code, int length) {
            byte[] utf8;
            try {
                utf8 = decompress.decompress(code, length);
            } catch (ZstdException e) {
                throw new IllegalArgumentException("malformed fingerprint: text code (" + e.getMessage() + ")");
            }
            if (utf8.length != length) {
                throw new IllegalArgumentException("malformed fingerprint: text code of " + utf8.length
                        + " bytes where the header says " + length);
            }
            return utf8;
        }
    }
}
