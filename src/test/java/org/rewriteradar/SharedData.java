package org.rewriteradar;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * Access to the project's shared data folder ({@code ../shared} beside the repository, or the
 * {@code radar.shared.dir} system property). Tests that need it skip, with a message, when it is absent,
 * and fail instead on CI ({@link #required()}).
 */
public final class SharedData {

    /** Id of the seed original (002, published 27 January 2022). */
    public static final String SEED_ORIGINAL_ID = "seeds-002";
    /** Id of the seed rewrite (000, published the next morning). */
    public static final String SEED_REWRITE_ID = "seeds-000";

    private SharedData() {}

    public static Path root() {
        return Path.of(System.getProperty("radar.shared.dir", "../shared"))
                .toAbsolutePath()
                .normalize();
    }

    /**
     * The folder. When it does not exist the test is skipped, except on CI (environment {@code CI=true},
     * or system property {@code radar.shared.required=true}), where a missing data set must not turn the
     * tests that need it into silent skips: there the test fails.
     */
    public static Path require(String relative) {
        return require(root(), relative, required());
    }

    static Path require(Path root, String relative, boolean required) {
        Path dir = root.resolve(relative);
        if (!Files.isDirectory(dir)) {
            if (required) {
                throw new AssertionError("shared data folder " + dir + " is absent, and it is required here"
                        + " (CI=true or -Dradar.shared.required=true); point -Dradar.shared.dir at the data");
            }
            Assumptions.abort("shared data folder " + dir + " is absent; skipping a test that needs it");
        }
        return dir;
    }

    /** Whether missing shared data fails tests instead of skipping them: on CI, or when asked. */
    public static boolean required() {
        return "true".equalsIgnoreCase(System.getenv("CI"))
                || Boolean.parseBoolean(System.getProperty("radar.shared.required", "false"));
    }

    /** The seed original's event, as the JSON line a publisher sends. */
    public static String seedOriginalJson() {
        return seedLine(SEED_ORIGINAL_ID);
    }

    /** The seed rewrite's event, as the JSON line a publisher sends. */
    public static String seedRewriteJson() {
        return seedLine(SEED_REWRITE_ID);
    }

    private static String seedLine(String id) {
        try {
            List<String> lines =
                    Files.readAllLines(require("data/seeds").resolve("articles.jsonl"), StandardCharsets.UTF_8);
            return lines.stream()
                    .filter(l -> l.contains("\"id\": \"" + id + "\"") || l.contains("\"id\":\"" + id + "\""))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no seed article " + id));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
