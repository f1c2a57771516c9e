package org.rewriteradar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Real-looking article bodies of a chosen size: the bodies of the shared BBC pool
 * ({@code data/pool-bbc/articles.jsonl}) concatenated in file order, paragraphs kept, cut at a paragraph
 * or word boundary so that the UTF-8 size is at most the size asked for (and within 200 bytes of it).
 */
public final class LargeText {

    private LargeText() {}

    /** A body of at most {@code maxBytes} UTF-8 bytes (and more than {@code maxBytes - 200}). */
    public static String body(int maxBytes) {
        List<String> bodies = poolBodies();
        StringBuilder sb = new StringBuilder(maxBytes + 16_384);
        int bytes = 0;
        for (int round = 0; bytes < maxBytes; round++) {
            for (String b : bodies) {
                String para = (sb.length() == 0 ? "" : "\n\n") + b;
                int n = para.getBytes(StandardCharsets.UTF_8).length;
                if (bytes + n > maxBytes) {
                    appendCut(sb, para, maxBytes - bytes);
                    return sb.toString();
                }
                sb.append(para);
                bytes += n;
            }
            if (round > 1_000) {
                throw new IllegalStateException("pool-bbc is empty");
            }
        }
        return sb.toString();
    }

    /** Appends the longest prefix of {@code para} ending at a space that fits in {@code room} bytes. */
    private static void appendCut(StringBuilder sb, String para, int room) {
        int end = 0;
        int used = 0;
        for (int i = 0; i < para.length(); ) {
            int cp = para.codePointAt(i);
            int w = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (used + w > room) {
                break;
            }
            used += w;
            i += Character.charCount(cp);
            if (cp == ' ' || cp == '\n') {
                end = i - 1;
            }
        }
        sb.append(para, 0, end);
    }

    /** The bodies of the BBC pool, in file order. */
    public static List<String> poolBodies() {
        Path file = SharedData.require("data/pool-bbc").resolve("articles.jsonl");
        ObjectMapper mapper = new ObjectMapper();
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .filter(l -> !l.isBlank())
                    .map(l -> {
                        try {
                            JsonNode n = mapper.readTree(l);
                            return n.get("body").asText();
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
