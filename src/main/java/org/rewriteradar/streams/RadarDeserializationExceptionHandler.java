package org.rewriteradar.streams;

import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.jboss.logging.Logger;

/**
 * {@code deserialization.exception.handler}: a record of an internal topic that cannot be read is
 * skipped, logged at ERROR with its topic, partition and offset, and counted
 * ({@link StreamFailures#METRIC}, handler {@code deserialization}). The input topic is read as bytes and
 * validated by the {@code intake} stage, so its records never fail here; a record in a format this
 * instance does not know ({@code unsupported … format}) stops the stream, as documented (reset after a
 * format change).
 */
public final class RadarDeserializationExceptionHandler implements DeserializationExceptionHandler {

    private static final Logger LOG = Logger.getLogger(RadarDeserializationExceptionHandler.class);

    @Override
    public DeserializationHandlerResponse handle(
            ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
        if (StreamFailures.isFatal(exception)) {
            LOG.errorf(
                    exception,
                    "Record %s-%d offset %d cannot be read; the failure is fatal, stopping",
                    record.topic(),
                    record.partition(),
                    record.offset());
            return DeserializationHandlerResponse.FAIL;
        }
        StreamFailures.record("deserialization", context.processorNodeId());
        LOG.errorf(
                exception,
                "Record %s-%d offset %d (key %s) cannot be read; skipped, the stream goes on",
                record.topic(),
                record.partition(),
                record.offset(),
                StreamFailures.describe(record.key()));
        return DeserializationHandlerResponse.CONTINUE;
    }

    @Override
    public void configure(Map<String, ?> configs) {}
}
