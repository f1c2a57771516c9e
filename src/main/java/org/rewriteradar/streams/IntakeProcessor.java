package org.rewriteradar.streams;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.jboss.logging.Logger;
import org.rewriteradar.model.ArticleEvent;

/**
 * First step of the topology: parses and validates every raw record. Valid ones go on as
 * {@link ArticleEvent}s; invalid ones go on unchanged, with the reason in {@code radar.dlq.*} headers,
 * for the dead-letter topic.
 *
 * <p>Before anything else the whole record (key, value, header names and values) is measured against
 * {@code radar.validation.max-record-bytes}: the headers travel with every record derived from it, and
 * a record over the limit is not parsed. It is dead-lettered cut to {@code
 * radar.validation.dead-letter-keep-bytes} ({@link #cut}), so that the reason reaches the dead-letter
 * topic whatever the record's size.
 */
final class IntakeProcessor extends ContextualProcessor<byte[], byte[], byte[], IntakeProcessor.Intake> {

    /** Header with the {@link ArticleValidator.Reason} of a dead-lettered record. */
    static final String REASON_HEADER = "radar.dlq.reason";
    /** Header with a human-readable explanation. */
    static final String MESSAGE_HEADER = "radar.dlq.message";
    /** Header with the stage (processor node) that dead-lettered the record: {@code intake} or {@code versions}. */
    static final String STAGE_HEADER = "radar.dlq.stage";
    /** This stage's name in the topology and in {@link #STAGE_HEADER}. */
    static final String STAGE = "intake";
    /** Header of a cut dead letter: what was cut, of {@code value}, {@code key}, {@code headers}, comma-separated. */
    static final String TRUNCATED_HEADER = "radar.dlq.truncated";
    /** Header of a cut dead letter: the size of the original record (key, value, header names and values). */
    static final String ORIGINAL_BYTES_HEADER = "radar.dlq.original-bytes";
    /** Header of a cut dead letter: the size of the original value. */
    static final String ORIGINAL_VALUE_BYTES_HEADER = "radar.dlq.original-value-bytes";
    /** Longest {@code radar.dlq.*} header value, in characters (longer messages are cut, with an ellipsis). */
    static final int MAX_HEADER_CHARS = 1_000;
    /**
     * Room a record needs beyond its counted bytes (key, value, header names and values): the record and
     * batch framing and, for a dead letter, its {@code radar.dlq.*} headers (at most {@link
     * #MAX_HEADER_CHARS} characters each, a few KB in all).
     */
    static final int RECORD_HEADROOM = 16_384;

    private static final Logger LOG = Logger.getLogger(IntakeProcessor.class);

    /** A parsed event, or the raw value of a rejected record. */
    record Intake(ArticleEvent event, byte[] raw) {}

    private final ArticleValidator validator;
    private final int keepBytes;

    /**
     * @param validator the record and event checks
     * @param keepBytes of a record over the validator's record limit, the bytes of value and key kept in
     *     the dead letter (and the most header bytes kept)
     */
    IntakeProcessor(ArticleValidator validator, int keepBytes) {
        this.validator = validator;
        this.keepBytes = keepBytes;
    }

    /**
     * Checks that the size limits fit together, at start: a record under {@code
     * radar.validation.max-record-bytes} must be dead-lettered whole and a cut one must be dead-lettered at
     * all, both within the producer's {@code radar.topics.max-message-bytes}.
     *
     * @throws IllegalArgumentException naming the settings when they do not
     */
    static void checkLimits(int maxRecordBytes, int keepBytes, int maxMessageBytes) {
        if (keepBytes < 1 || keepBytes > maxRecordBytes) {
            throw new IllegalArgumentException("radar.validation.dead-letter-keep-bytes (" + keepBytes
                    + ") must be from 1 to radar.validation.max-record-bytes (" + maxRecordBytes + ")");
        }
        if ((long) maxRecordBytes + RECORD_HEADROOM > maxMessageBytes
                || 3L * keepBytes + RECORD_HEADROOM > maxMessageBytes) {
            throw new IllegalArgumentException("radar.validation.max-record-bytes (" + maxRecordBytes
                    + ") and three times radar.validation.dead-letter-keep-bytes (" + keepBytes + ") must each be at"
                    + " least " + RECORD_HEADROOM + " bytes under radar.topics.max-message-bytes ("
                    + maxMessageBytes + "): dead letters would not fit");
        }
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        RadarCounters.articleIn();
        long keyBytes = record.key() == null ? 0 : record.key().length;
        long valueBytes = record.value() == null ? 0 : record.value().length;
        long headerBytes = headerBytes(record.headers());
        ArticleValidator.Result tooLarge = validator.checkRecordSize(
                keyBytes + valueBytes + headerBytes,
                "key " + keyBytes + ", value " + valueBytes + ", headers " + headerBytes);
        if (tooLarge != null) {
            List<String> truncated = new ArrayList<>(3);
            Record<byte[], byte[]> cut = cut(record, keyBytes + valueBytes + headerBytes, truncated);
            String message = truncated.isEmpty()
                    ? tooLarge.message()
                    : tooLarge.message() + "; dead-lettered with its " + String.join(", ", truncated)
                            + (truncated.contains("headers") ? " (headers dropped)" : "") + " cut to the first "
                            + keepBytes + " bytes";
            deadLetter(cut, ArticleValidator.Result.invalid(tooLarge.reason(), message));
            return;
        }
        ArticleValidator.Result result;
        try {
            result = validator.validate(
                    record.value(), Instant.ofEpochMilli(context().currentSystemTimeMs()));
        } catch (RuntimeException | StackOverflowError e) {
            // a validator defect on one record must not stop the stream: the record goes to the dead letters
            if (e instanceof RuntimeException re && StreamFailures.isFatal(re)) {
                throw re;
            }
            LOG.errorf(
                    e,
                    "Intake failed on a record (key %s); sent to the dead-letter topic",
                    StreamFailures.describe(record.key()));
            StreamFailures.record("guard", STAGE);
            result = ArticleValidator.Result.invalid(ArticleValidator.Reason.UNPROCESSABLE, "intake failed: " + e);
        }
        if (result.isValid()) {
            context().forward(record.withValue(new Intake(result.event(), null)));
            return;
        }
        deadLetter(record, result);
    }

    /** Forwards {@code record} to the dead letters with the reason of {@code result} in its headers. */
    private void deadLetter(Record<byte[], byte[]> record, ArticleValidator.Result result) {
        Headers headers = record.headers();
        put(headers, REASON_HEADER, result.reason().name());
        put(headers, MESSAGE_HEADER, result.message());
        put(headers, STAGE_HEADER, STAGE);
        RadarCounters.deadLetter(result.reason().name(), STAGE);
        context().recordMetadata().ifPresent(meta -> source(headers, meta));
        context().forward(record.withValue(new Intake(null, record.value())));
    }

    /**
     * The dead letter of a record over the record limit: the first {@link #keepBytes} of its value and of
     * its key, its headers only when they total no more (else none), and headers saying what was cut
     * (added to {@code truncated}) and how large the record was. Its size is at most three times {@code
     * keepBytes} plus the {@code radar.dlq.*} headers, whatever the record's.
     */
    private Record<byte[], byte[]> cut(Record<byte[], byte[]> record, long recordBytes, List<String> truncated) {
        byte[] value = record.value();
        if (value != null && value.length > keepBytes) {
            value = Arrays.copyOf(value, keepBytes);
            truncated.add("value");
        }
        byte[] key = record.key();
        if (key != null && key.length > keepBytes) {
            key = Arrays.copyOf(key, keepBytes);
            truncated.add("key");
        }
        Headers headers = record.headers();
        if (headerBytes(headers) > keepBytes) {
            headers = new RecordHeaders();
            truncated.add("headers");
        }
        put(headers, ORIGINAL_BYTES_HEADER, Long.toString(recordBytes));
        put(headers, ORIGINAL_VALUE_BYTES_HEADER, Integer.toString(record.value() == null ? 0 : record.value().length));
        if (!truncated.isEmpty()) {
            put(headers, TRUNCATED_HEADER, String.join(",", truncated));
        }
        return new Record<>(key, value, record.timestamp(), headers);
    }

    /** Bytes of the header names (UTF-8) and values. */
    static long headerBytes(Headers headers) {
        long n = 0;
        for (Header h : headers) {
            n += ArticleValidator.utf8Length(h.key()) + (h.value() == null ? 0 : h.value().length);
        }
        return n;
    }

    private static void source(Headers headers, RecordMetadata meta) {
        put(headers, "radar.dlq.topic", meta.topic());
        put(headers, "radar.dlq.partition", Integer.toString(meta.partition()));
        put(headers, "radar.dlq.offset", Long.toString(meta.offset()));
    }

    /**
     * Sets header {@code name} to {@code value} (UTF-8), replacing any earlier one; a value over {@link
     * #MAX_HEADER_CHARS} characters is cut there, with an ellipsis.
     */
    static void put(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, abbreviate(value).getBytes(StandardCharsets.UTF_8));
    }

    private static String abbreviate(String value) {
        if (value.length() <= MAX_HEADER_CHARS) {
            return value;
        }
        int end = MAX_HEADER_CHARS - 1;
        if (Character.isHighSurrogate(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(0, end) + "…";
    }
}
