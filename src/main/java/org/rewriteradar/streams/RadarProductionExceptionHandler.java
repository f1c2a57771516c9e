package org.rewriteradar.streams;

import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.jboss.logging.Logger;

/**
 * {@code production.exception.handler}: a record that cannot be serialised, or that the producer
 * refuses for good (too large, invalid), is dropped, logged at ERROR with its topic and the stage that
 * sent it, and counted ({@link StreamFailures#METRIC}, handler {@code production}); retriable errors
 * are retried, as by default.
 *
 * <p>Not for records refused for their size: under {@code exactly_once_v2} such a send fails the
 * producer's transaction whatever this handler answers, and the stream thread stops. So intake bounds the
 * size of every record and field and the producer's and topics' limits are budgeted for what the topology
 * writes ({@code radar.topics.max-message-bytes}, README "Record sizes"); this is the last line.
 */
public final class RadarProductionExceptionHandler implements ProductionExceptionHandler {

    private static final Logger LOG = Logger.getLogger(RadarProductionExceptionHandler.class);

    @Override
    public ProductionExceptionHandlerResponse handle(
            ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record, Exception exception) {
        if (exception instanceof RetriableException) {
            return ProductionExceptionHandlerResponse.RETRY;
        }
        return drop(context, record, exception, "could not be sent");
    }

    @Override
    public ProductionExceptionHandlerResponse handleSerializationException(
            ErrorHandlerContext context,
            ProducerRecord record,
            Exception exception,
            SerializationExceptionOrigin origin) {
        return drop(context, record, exception, "could not be serialised (" + origin + ")");
    }

    private static ProductionExceptionHandlerResponse drop(
            ErrorHandlerContext context, ProducerRecord<?, ?> record, Exception exception, String what) {
        String stage = context == null ? null : context.processorNodeId();
        if (StreamFailures.isFatal(exception)) {
            LOG.errorf(
                    exception,
                    "A record for %s %s at stage %s; the failure is fatal, stopping",
                    record.topic(),
                    what,
                    stage);
            return ProductionExceptionHandlerResponse.FAIL;
        }
        StreamFailures.record("production", stage);
        LOG.errorf(
                exception,
                "A record for %s (key %s) %s at stage %s; dropped, the stream goes on",
                record.topic(),
                StreamFailures.describe(record.key()),
                what,
                stage);
        return ProductionExceptionHandlerResponse.CONTINUE;
    }

    @Override
    public void configure(Map<String, ?> configs) {}
}
