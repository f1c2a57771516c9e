package org.rewriteradar.streams;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.jboss.logging.Logger;
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
    /** Header with the stage (processor node) that dead-lettered the record: {@code intake} or {@code versions}. */
    static final String STAGE_HEADER = "radar.dlq.stage";
    /** This stage's name in the topology and in {@link #STAGE_HEADER}. */
    static final String STAGE = "intake";

    private static final Logger LOG = Logger.getLogger(IntakeProcessor.class);

    /** A parsed event, or the raw value of a rejected record. */
    record Intake(ArticleEvent event, byte[] raw) {}

    private final ArticleValidator validator;

    IntakeProcessor(ArticleValidator validator) {
        this.validator = validator;
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
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
        Headers headers = record.headers();
        put(headers, REASON_HEADER, result.reason().name());
        put(headers, MESSAGE_HEADER, result.message());
        put(headers, STAGE_HEADER, STAGE);
        RadarCounters.deadLetter(result.reason().name(), STAGE);
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
