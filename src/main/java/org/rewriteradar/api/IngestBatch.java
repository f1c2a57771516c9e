package org.rewriteradar.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rewriteradar.streams.ArticleValidator;
import org.rewriteradar.streams.JsonSerdes;

/**
 * The articles of one {@code POST /articles} body, each checked with the topology's own {@link ArticleValidator}:
 * either all valid, each with the record to publish, or the problems, each naming the article and the field.
 */
final class IngestBatch {

    /** Media type of newline-delimited JSON, one article a line. */
    static final String NDJSON = "application/x-ndjson";

    /**
     * A valid article and the record that carries it.
     *
     * @param id its id, the record key
     * @param value the record value: the article's JSON object as sent (compact)
     */
    record Valid(String id, byte[] value) {}

    /**
     * Why one article was refused.
     *
     * @param index its position in the request, from 0 (a line of NDJSON counts blank lines too)
     * @param field the field at fault, or null when the article as a whole is (not JSON, not an object)
     * @param reason the dead-letter reason the topology would have given ({@link ArticleValidator.Reason})
     * @param detail what is wrong
     */
    record Error(int index, String field, String reason, String detail) {

        boolean tooLarge() {
            return reason.equals(ArticleValidator.Reason.BODY_TOO_LARGE.name())
                    || reason.equals(ArticleValidator.Reason.RECORD_TOO_LARGE.name());
        }
    }

    /**
     * What the body held.
     *
     * @param articles the valid articles, in order; empty when any is invalid
     * @param errors the problems, in order; empty when every article is valid
     */
    record Parsed(List<Valid> articles, List<Error> errors) {}

    private static final Pattern FIELD = Pattern.compile("field '([A-Za-z]+)'");

    private IngestBatch() {}

    /**
     * Splits {@code body} ({@code application/json}: one object or an array of objects; {@link #NDJSON}: one
     * object a line) and validates every article as the topology would at intake, at {@code now}.
     */
    static Parsed parse(byte[] body, boolean ndjson, ArticleValidator validator, Instant now) {
        List<JsonNode> nodes = new ArrayList<>();
        List<Integer> indexes = new ArrayList<>();
        List<Error> errors = new ArrayList<>();
        if (ndjson) {
            String[] lines = new String(body, StandardCharsets.UTF_8).split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i].strip();
                if (line.isEmpty()) {
                    continue;
                }
                try {
                    nodes.add(JsonSerdes.MAPPER.readTree(line));
                    indexes.add(i);
                } catch (IOException e) {
                    errors.add(new Error(i, null, "MALFORMED_JSON", "line " + (i + 1) + " is not JSON: " + first(e)));
                }
            }
        } else {
            JsonNode root;
            try {
                root = JsonSerdes.MAPPER.readTree(body);
            } catch (IOException e) {
                return new Parsed(List.of(), List.of(new Error(0, null, "MALFORMED_JSON", "not JSON: " + first(e))));
            }
            if (root == null || root.isMissingNode()) {
                return new Parsed(List.of(), List.of(new Error(0, null, "EMPTY_RECORD", "the request has no body")));
            }
            if (root.isArray()) {
                for (int i = 0; i < root.size(); i++) {
                    nodes.add(root.get(i));
                    indexes.add(i);
                }
            } else {
                nodes.add(root);
                indexes.add(0);
            }
        }
        if (nodes.isEmpty() && errors.isEmpty()) {
            errors.add(new Error(0, null, "EMPTY_RECORD", "the request holds no article"));
        }
        List<Valid> valid = new ArrayList<>();
        for (int n = 0; n < nodes.size(); n++) {
            int index = indexes.get(n);
            JsonNode node = nodes.get(n);
            if (!node.isObject()) {
                errors.add(new Error(index, null, "MALFORMED_JSON", "article " + index + " is not a JSON object"));
                continue;
            }
            byte[] value;
            try {
                value = JsonSerdes.MAPPER.writeValueAsBytes(node);
            } catch (JsonProcessingException e) {
                errors.add(new Error(index, null, "MALFORMED_JSON", first(e)));
                continue;
            }
            ArticleValidator.Result result = validator.validate(value, now);
            if (!result.isValid()) {
                errors.add(new Error(index, fieldOf(result), result.reason().name(), result.message()));
                continue;
            }
            String id = result.event().id();
            byte[] key = id.getBytes(StandardCharsets.UTF_8);
            ArticleValidator.Result size = validator.checkRecordSize(
                    (long) key.length + value.length, "key " + key.length + ", value " + value.length + ", headers 0");
            if (size != null) {
                errors.add(new Error(index, null, size.reason().name(), size.message()));
                continue;
            }
            valid.add(new Valid(id, value));
        }
        return errors.isEmpty() ? new Parsed(valid, List.of()) : new Parsed(List.of(), errors);
    }

    private static String fieldOf(ArticleValidator.Result result) {
        return switch (result.reason()) {
            case MISSING_ID -> "id";
            case MISSING_BODY, BODY_TOO_LARGE -> "body";
            case MISSING_PUBLISHED_AT, INVALID_PUBLISHED_AT, PUBLISHED_IN_FUTURE -> "publishedAt";
            default -> {
                Matcher m = FIELD.matcher(result.message());
                yield m.find() ? m.group(1) : null;
            }
        };
    }

    private static String first(IOException e) {
        String m = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
        if (m == null) {
            return e.getClass().getSimpleName();
        }
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
