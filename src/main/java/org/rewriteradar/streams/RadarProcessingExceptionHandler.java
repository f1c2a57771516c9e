package org.rewriteradar.streams;

import java.util.Map;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.jboss.logging.Logger;

/**
 * {@code processing.exception.handler} (KIP-1033): an exception a stage throws on one record (or in a
 * punctuation, the retention sweeps) skips that record, logged at ERROR with the stage, the task and
 * where the record came from, and counted ({@link StreamFailures#METRIC}, handler {@code processing};
 * Kafka Streams also counts it in {@code dropped-records-total}); the stream goes on. Fatal failures
 * ({@link StreamFailures#isFatal}) stop it.
 *
 * <p>The stages that hold an article as it arrived ({@code intake}, {@code versions}) catch their own
 * failures and dead-letter the article (reason {@code UNPROCESSABLE}, header {@code radar.dlq.stage}),
 * inside the topology and its transaction: Kafka Streams 4.1 handlers can only answer CONTINUE or FAIL
 * (they cannot produce; KIP-1034's dead-letter responses come in 4.2). What reaches this handler is a
 * failure past them, on a band, a bucket reply, a pair or an alert derived from an article that is
 * already stored.
 */
public final class RadarProcessingExceptionHandler implements ProcessingExceptionHandler {

    private static final Logger LOG = Logger.getLogger(RadarProcessingExceptionHandler.class);

    @Override
    public ProcessingHandlerResponse handle(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        String stage = context.processorNodeId();
        if (StreamFailures.isFatal(exception)) {
            LOG.errorf(exception, "Stage %s failed (task %s); the failure is fatal, stopping", stage, context.taskId());
            return ProcessingHandlerResponse.FAIL;
        }
        StreamFailures.record("processing", stage);
        if (record == null) {
            LOG.errorf(
                    exception,
                    "Stage %s failed in a punctuation (task %s); skipped, the stream goes on",
                    stage,
                    context.taskId());
        } else {
            LOG.errorf(
                    exception,
                    "Stage %s failed on record key %s (task %s, from %s-%d offset %d); record dropped, the stream goes on",
                    stage,
                    StreamFailures.describe(record.key()),
                    context.taskId(),
                    context.topic(),
                    context.partition(),
                    context.offset());
        }
        return ProcessingHandlerResponse.CONTINUE;
    }

    @Override
    public void configure(Map<String, ?> configs) {}
}
