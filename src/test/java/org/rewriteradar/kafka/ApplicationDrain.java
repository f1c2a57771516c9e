package org.rewriteradar.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * Whether a Kafka Streams application has consumed and committed everything in its input topic and in its
 * repartition topics, so that nothing more can reach its output.
 *
 * <p>The group's committed offsets are read first and the end offsets second. In the other order a task can
 * commit its input (and, in the same transaction, write records to a repartition topic) between the two
 * reads: the input then looks consumed and the repartition topic's end, read before, does not show the new
 * records, so a pipeline with work in flight looks idle. Reading the commits first, an end offset is never
 * older than the commit it is compared with.
 */
public final class ApplicationDrain {

    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);

    private ApplicationDrain() {}

    /**
     * True when, for every partition of {@code input} and of the application's repartition topics, the committed
     * offset has reached the last stable offset. The input may be written without transactions, so its
     * committed offset must equal its end; a repartition topic is written in transactions, so its last offset
     * may be a commit marker that the group's offset need not pass.
     */
    public static boolean drained(Admin admin, String applicationId, String input) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(applicationId)
                .partitionsToOffsetAndMetadata()
                .get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        List<String> topics = new ArrayList<>(List.of(input));
        admin.listTopics().names().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).stream()
                .filter(t -> t.startsWith(applicationId + "-") && t.endsWith("-repartition"))
                .forEach(topics::add);
        Map<TopicPartition, OffsetSpec> specs = new HashMap<>();
        admin.describeTopics(topics)
                .allTopicNames()
                .get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .forEach((t, d) -> d.partitions()
                        .forEach(p -> specs.put(new TopicPartition(t, p.partition()), OffsetSpec.latest())));
        var ends = admin.listOffsets(specs, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                .all()
                .get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        for (var end : ends.entrySet()) {
            OffsetAndMetadata c = committed.get(end.getKey());
            long position = c == null ? 0 : c.offset();
            long slack = end.getKey().topic().endsWith("-repartition") ? 1 : 0;
            if (position < end.getValue().offset() - slack) {
                return false;
            }
        }
        return true;
    }

    /**
     * Polls {@link #drained} until it holds (true), {@code atMost} has passed or {@code stop} holds (false);
     * a failed look (a topic not created yet, the group not known yet) counts as not drained.
     */
    public static boolean await(
            String bootstrap, String applicationId, String input, Duration atMost, BooleanSupplier stop)
            throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            while (System.nanoTime() < deadline && !stop.getAsBoolean()) {
                try {
                    if (drained(admin, applicationId, input)) {
                        return true;
                    }
                } catch (InterruptedException e) {
                    throw e;
                } catch (Exception e) {
                    // not yet: look again
                }
                Thread.sleep(100);
            }
        }
        return false;
    }
}
