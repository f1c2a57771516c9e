package org.rewriteradar.streams;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.rewriteradar.model.ArticleEvent;

/**
 * First step of the topology: parses and validates every raw record. Valid ones go on as
 * {@link ArticleEvent}s; invalid ones go on unchanged, with the reason in {@code radar.dlq.*} headers,
 * for the dead-letter topic.
 */
final class IntakeProcessor extends ContextualProcessor<byte[], byte[], byte[], IntakeProcessor.Intake> {

    /** Header with the {@link ArticleValidator.Reason} of a dead-lettered record. */
    static final String REASON_HEADER = "radar.dlq.reason";
    /** Header with a human-readable explanation. */
    static final String MESSAGE_HEADER = "radar.dlq.message";

    /** A parsed event, or the raw value of a rejected record. */
    record Intake(ArticleEvent event, byte[] raw) {}

    private final ArticleValidator validator;

    IntakeProcessor(ArticleValidator validator) {
        this.validator = validator;
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        ArticleValidator.Result result = validator.validate(record.value());
        if (result.isValid()) {
            context().forward(record.withValue(new Intake(result.event(), null)));
            return;
        }
        Headers headers = record.headers();
        put(headers, REASON_HEADER, result.reason().name());
        put(headers, MESSAGE_HEADER, result.message());
        context().recordMetadata().ifPresent(meta -> source(headers, meta));
        context().forward(record.withValue(new Intake(null, record.value())));
    }

    private static void source(Headers headers, RecordMetadata meta) {
        put(headers, "radar.dlq.topic", meta.topic());
        put(headers, "radar.dlq.partition", Integer.toString(meta.partition()));
        put(headers, "radar.dlq.offset", Long.toString(meta.offset()));
    }

    /** Sets header {@code name} to {@code value} (UTF-8), replacing any earlier one. */
    static void put(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
