package org.rewriteradar.kafka;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Settings of the raw consumers that tests and benchmarks read topics with: no group commits, bytes as sent. */
public final class ByteConsumers {

    private ByteConsumers() {}

    /**
     * A consumer of byte keys and values at {@code bootstrap}, reading committed records only or also those of
     * aborted transactions, committing no offsets; a new map, for the caller to add to.
     */
    public static Map<String, Object> config(String bootstrap, boolean committedOnly) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, committedOnly ? "read_committed" : "read_uncommitted");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return config;
    }
}
