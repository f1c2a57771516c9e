package org.rewriteradar.streams;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
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
        BODY_TOO_LARGE,
        MISSING_PUBLISHED_AT,
        INVALID_PUBLISHED_AT,
        INVALID_FIELD,
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

    private final int maxBodyBytes;

    public ArticleValidator(int maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    public Result validate(byte[] value) {
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
        String id = text(node, "id");
        if (id == null || id.isBlank()) {
            return Result.invalid(Reason.MISSING_ID, "field 'id' is missing or blank");
        }
        String body = text(node, "body");
        if (body == null || body.isBlank()) {
            return Result.invalid(Reason.MISSING_BODY, "field 'body' is missing or blank");
        }
        int bodyBytes = body.getBytes(StandardCharsets.UTF_8).length;
        if (bodyBytes > maxBodyBytes) {
            return Result.invalid(
                    Reason.BODY_TOO_LARGE, "body has " + bodyBytes + " bytes, more than the limit of " + maxBodyBytes);
        }
        String published = text(node, "publishedAt");
        if (published == null || published.isBlank()) {
            return Result.invalid(Reason.MISSING_PUBLISHED_AT, "field 'publishedAt' is missing or blank");
        }
        Instant publishedAt;
        try {
            publishedAt = OffsetDateTime.parse(published.trim()).toInstant();
        } catch (DateTimeParseException e) {
            return Result.invalid(
                    Reason.INVALID_PUBLISHED_AT, "field 'publishedAt' is not an ISO-8601 date-time: " + published);
        }
        for (String field : new String[] {"url", "source", "title", "language"}) {
            JsonNode f = node.get(field);
            if (f != null && !f.isNull() && !f.isTextual()) {
                return Result.invalid(Reason.INVALID_FIELD, "field '" + field + "' must be a string or null");
            }
        }
        return Result.valid(new ArticleEvent(
                id.trim(),
                text(node, "url"),
                text(node, "source"),
                text(node, "title"),
                body,
                publishedAt,
                text(node, "language")));
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
