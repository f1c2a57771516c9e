package org.rewriteradar.streams;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.rewriteradar.model.ArticleEvent;

/** Parses and validates raw article records; every rejection names a {@link Reason} and a message. */
public final class ArticleValidator {

    /** Why a record was rejected; written to the dead-letter header {@code radar.dlq.reason}. */
    public enum Reason {
        EMPTY_RECORD,
        MALFORMED_JSON,
        MISSING_ID,
        MISSING_BODY,
        /** A body over {@code radar.validation.max-body-bytes}, as sent or after NFKC normalisation. */
        BODY_TOO_LARGE,
        /**
         * A record (key, value and headers) over {@code radar.validation.max-record-bytes}, refused before
         * parsing; dead-lettered cut to {@code radar.validation.dead-letter-keep-bytes}.
         */
        RECORD_TOO_LARGE,
        MISSING_PUBLISHED_AT,
        /** Not an ISO-8601 date-time, or before {@link #EARLIEST_PUBLISHED_AT}. */
        INVALID_PUBLISHED_AT,
        /** Later than the wall clock plus {@code radar.validation.max-future-skew}. */
        PUBLISHED_IN_FUTURE,
        /** A field of the wrong JSON type, an id too long or with control characters, an optional field too long. */
        INVALID_FIELD,
        /**
         * A body with no text once HTML markup, scripts and page furniture are removed (e.g. an HTML page of
         * navigation only): nothing to compare, so nothing is stored. Refused at the versions stage.
         */
        NO_TEXT,
        /** A valid event the engine failed on (a defect, not bad input): dead-lettered after validation. */
        UNPROCESSABLE
    }

    /** Either a valid event, or a reason and message for the dead-letter topic. */
    public record Result(ArticleEvent event, Reason reason, String message) {

        static Result valid(ArticleEvent event) {
            return new Result(event, null, null);
        }

        static Result invalid(Reason reason, String message) {
            return new Result(null, reason, message);
        }

        public boolean isValid() {
            return event != null;
        }
    }

    /** The earliest {@code publishedAt} accepted; earlier ones are {@link Reason#INVALID_PUBLISHED_AT}. */
    public static final Instant EARLIEST_PUBLISHED_AT = Instant.parse("1900-01-01T00:00:00Z");

    private static final int DEFAULT_MAX_RECORD_BYTES = 1_000_000;
    private static final int DEFAULT_MAX_ID_BYTES = 512;
    private static final int DEFAULT_MAX_FIELD_BYTES = 16_384;
    private static final Duration DEFAULT_MAX_FUTURE_SKEW = Duration.ofDays(1);

    private final int maxBodyBytes;
    private final int maxRecordBytes;
    private final int maxIdBytes;
    private final int maxFieldBytes;
    private final Duration maxFutureSkew;

    /**
     * With the default record, id, field and future-skew limits of {@link
     * org.rewriteradar.config.RadarConfig.Validation}.
     */
    public ArticleValidator(int maxBodyBytes) {
        this(maxBodyBytes, DEFAULT_MAX_ID_BYTES, DEFAULT_MAX_FIELD_BYTES, DEFAULT_MAX_FUTURE_SKEW);
    }

    /** With the default record limit of {@link org.rewriteradar.config.RadarConfig.Validation}. */
    public ArticleValidator(int maxBodyBytes, int maxIdBytes, int maxFieldBytes, Duration maxFutureSkew) {
        this(maxBodyBytes, DEFAULT_MAX_RECORD_BYTES, maxIdBytes, maxFieldBytes, maxFutureSkew);
    }

    public ArticleValidator(
            int maxBodyBytes, int maxRecordBytes, int maxIdBytes, int maxFieldBytes, Duration maxFutureSkew) {
        this.maxBodyBytes = maxBodyBytes;
        this.maxRecordBytes = maxRecordBytes;
        this.maxIdBytes = maxIdBytes;
        this.maxFieldBytes = maxFieldBytes;
        this.maxFutureSkew = maxFutureSkew;
    }

    /**
     * The whole-record check, made before parsing: {@link Reason#RECORD_TOO_LARGE} when {@code recordBytes}
     * (key, value, header names and values) is over the limit, else null.
     *
     * @param detail what the size is made of, for the message (e.g. {@code "key 5, value 3145728, headers 0"})
     */
    public Result checkRecordSize(long recordBytes, String detail) {
        if (recordBytes <= maxRecordBytes) {
            return null;
        }
        return Result.invalid(
                Reason.RECORD_TOO_LARGE,
                "record has " + recordBytes + " bytes (" + detail + "), more than the limit of " + maxRecordBytes);
    }

    /** As {@link #validate(byte[], Instant)}, now by the system clock. */
    public Result validate(byte[] value) {
        return validate(value, Instant.now());
    }

    /**
     * Parses and validates one raw record.
     *
     * @param value the record's value
     * @param now the wall clock: a {@code publishedAt} later than {@code now} plus the future skew is
     *     refused
     */
    public Result validate(byte[] value, Instant now) {
        if (value == null || value.length == 0) {
            return Result.invalid(Reason.EMPTY_RECORD, "record has no value");
        }
        JsonNode node;
        try {
            node = JsonSerdes.MAPPER.readTree(value);
        } catch (java.io.IOException e) {
            return Result.invalid(Reason.MALFORMED_JSON, "not valid JSON: " + firstLine(e));
        }
        if (node == null || !node.isObject()) {
            return Result.invalid(Reason.MALFORMED_JSON, "expected a JSON object");
        }
        JsonNode idNode = node.get("id");
        if (idNode != null && !idNode.isNull() && !idNode.isTextual() && !idNode.isIntegralNumber()) {
            return Result.invalid(Reason.INVALID_FIELD, "field 'id' must be a string");
        }
        String id = text(node, "id");
        if (id == null || id.isBlank()) {
            return Result.invalid(Reason.MISSING_ID, "field 'id' is missing or blank");
        }
        id = id.trim();
        int idBytes = id.getBytes(StandardCharsets.UTF_8).length;
        if (idBytes > maxIdBytes) {
            return Result.invalid(
                    Reason.INVALID_FIELD, "field 'id' has " + idBytes + " bytes, more than the limit of " + maxIdBytes);
        }
        if (id.chars().anyMatch(Character::isISOControl)) {
            return Result.invalid(Reason.INVALID_FIELD, "field 'id' contains control characters");
        }
        JsonNode bodyNode = node.get("body");
        if (bodyNode != null && !bodyNode.isNull() && !bodyNode.isTextual()) {
            return Result.invalid(Reason.INVALID_FIELD, "field 'body' must be a string");
        }
        String body = text(node, "body");
        if (body == null || body.isBlank()) {
            return Result.invalid(Reason.MISSING_BODY, "field 'body' is missing or blank");
        }
        int bodyBytes = utf8Length(body);
        if (bodyBytes > maxBodyBytes) {
            return Result.invalid(
                    Reason.BODY_TOO_LARGE, "body has " + bodyBytes + " bytes, more than the limit of " + maxBodyBytes);
        }
        // the engine works on the NFKC form, up to 11 times the UTF-8 size (U+FDFA: 3 bytes, 18 chars, 33 bytes)
        if (!Normalizer.isNormalized(body, Normalizer.Form.NFKC)) {
            int normalized = utf8Length(Normalizer.normalize(body, Normalizer.Form.NFKC));
            if (normalized > maxBodyBytes) {
                return Result.invalid(
                        Reason.BODY_TOO_LARGE,
                        "body has " + normalized + " bytes in Unicode NFKC form (" + bodyBytes
                                + " as sent), more than the limit of " + maxBodyBytes);
            }
        }
        String published = text(node, "publishedAt");
        if (published == null || published.isBlank()) {
            return Result.invalid(Reason.MISSING_PUBLISHED_AT, "field 'publishedAt' is missing or blank");
        }
        Instant publishedAt;
        try {
            publishedAt = OffsetDateTime.parse(published.trim()).toInstant();
        } catch (DateTimeParseException | ArithmeticException e) {
            return Result.invalid(
                    Reason.INVALID_PUBLISHED_AT,
                    "field 'publishedAt' is not an ISO-8601 date-time: " + abbreviate(published));
        }
        if (publishedAt.isBefore(EARLIEST_PUBLISHED_AT)) {
            return Result.invalid(
                    Reason.INVALID_PUBLISHED_AT,
                    "field 'publishedAt' " + published.trim() + " is before " + EARLIEST_PUBLISHED_AT);
        }
        Instant latest = latestPublishedAt(now);
        if (publishedAt.isAfter(latest)) {
            return Result.invalid(
                    Reason.PUBLISHED_IN_FUTURE,
                    "field 'publishedAt' " + published.trim() + " is more than " + maxFutureSkew
                            + " ahead of the wall clock (" + now + ")");
        }
        for (String field : new String[] {"url", "source", "title", "language"}) {
            JsonNode f = node.get(field);
            if (f != null && !f.isNull() && !f.isTextual()) {
                return Result.invalid(Reason.INVALID_FIELD, "field '" + field + "' must be a string or null");
            }
            if (f != null && f.isTextual()) {
                int bytes = f.textValue().getBytes(StandardCharsets.UTF_8).length;
                if (bytes > maxFieldBytes) {
                    return Result.invalid(
                            Reason.INVALID_FIELD,
                            "field '" + field + "' has " + bytes + " bytes, more than the limit of " + maxFieldBytes);
                }
            }
        }
        return Result.valid(new ArticleEvent(
                id,
                text(node, "url"),
                text(node, "source"),
                text(node, "title"),
                body,
                publishedAt,
                text(node, "language")));
    }

    /** UTF-8 length of {@code s}, without encoding it; an unpaired surrogate counts as '?' does. */
    static int utf8Length(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c)
                    && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else if (Character.isSurrogate(c)) {
                n++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    /** {@code now} plus the future skew, saturated at {@link Instant#MAX}. */
    private Instant latestPublishedAt(Instant now) {
        try {
            return now.plus(maxFutureSkew);
        } catch (ArithmeticException | java.time.DateTimeException e) {
            return maxFutureSkew.isNegative() ? Instant.MIN : Instant.MAX;
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 80) + "…";
    }

    private static String text(JsonNode node, String field) {
        JsonNode f = node.get(field);
        if (f == null || f.isNull()) {
            return null;
        }
        return f.isValueNode() ? f.asText() : f.toString();
    }

    private static String firstLine(java.io.IOException e) {
        String m = e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage();
        if (m == null) {
            return e.getClass().getSimpleName();
        }
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
