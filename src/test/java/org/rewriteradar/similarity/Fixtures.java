package org.rewriteradar.similarity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.rewriteradar.SharedData;

/** Texts for the engine tests: own fixtures from the classpath, the seed pair from {@code ../shared}. */
final class Fixtures {
    private Fixtures() {}

    static String read(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String seed(String file) {
        try {
            return Files.readString(SharedData.require("seeds").resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String seedOriginal() {
        return seed("002_2ab2d361ef3f945c.txt");
    }

    static String seedRewrite() {
        return seed("000_9c85c5a5ec5c4165.txt");
    }
}
