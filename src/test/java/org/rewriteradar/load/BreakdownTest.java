package org.rewriteradar.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link Breakdown}'s report: bytes per topic from the log's growth, or the bytes sent where the log shrank. */
class BreakdownTest {

    @Test
    void aTopicWhoseLogWasPurgedDuringTheRunCountsTheBytesSentToIt() {
        Map<String, Breakdown.TopicFigures> topics = new LinkedHashMap<>();
        topics.put("articles (input)", new Breakdown.TopicFigures(100, 120_000, -1));
        topics.put("bucket-replies-repartition", new Breakdown.TopicFigures(600, -300_000_000, 40_000));
        topics.put("article-store-changelog", new Breakdown.TopicFigures(100, 123_000, 118_000));
        Breakdown b = new Breakdown(topics, 0, 2, 1_000_000, 2_000_000, 10_000_000, Map.of(), Map.of(), 0);

        List<String> lines = b.describe("T", 100);

        assertThat(lines.get(0)).contains("log_bytes=     120000").endsWith("bytes_per_article=    1200");
        assertThat(lines.get(1)).contains("sent_bytes=      40000").endsWith("bytes_per_article=     400");
        assertThat(lines.get(2)).contains("log_bytes=     123000");
        assertThat(lines.get(3))
                .contains("log_bytes=283000 bytes_per_article=2830")
                .endsWith("(sent bytes for 1 topic(s) whose log was purged)");
    }
}
