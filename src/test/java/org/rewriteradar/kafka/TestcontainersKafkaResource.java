package org.rewriteradar.kafka;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.rewriteradar.streams.TopicCreator;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The same broker role as {@link InJvmKafkaResource}, from the {@code apache/kafka} image through
 * Testcontainers. Used only where a Docker engine runs ({@link #dockerAvailable()}).
 */
public class TestcontainersKafkaResource implements QuarkusTestResourceLifecycleManager {

    private KafkaContainer kafka;

    /**
     * Whether a Docker engine answers ({@code docker info} succeeds within 20 s); test classes using this
     * resource are disabled otherwise. Asked through the CLI, not Testcontainers, because JUnit evaluates
     * conditions outside the Quarkus test class loader.
     */
    public static boolean dockerAvailable() {
        try {
            Process p = new ProcessBuilder("docker", "info")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public Map<String, String> start() {
        kafka = new KafkaContainer("apache/kafka:4.1.1");
        kafka.start();
        TopicCreator.create(kafka.getBootstrapServers(), 3, (short) 1, "articles", "rewrite-alerts", "articles-dlq");
        return InJvmKafkaResource.KafkaTestProperties.pointingAt(kafka.getBootstrapServers());
    }

    @Override
    public void stop() {
        if (kafka != null) {
            kafka.stop();
        }
    }
}
