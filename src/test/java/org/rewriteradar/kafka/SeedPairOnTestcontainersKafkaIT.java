package org.rewriteradar.kafka;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.condition.EnabledIf;
import org.rewriteradar.api.TestCredentialsResource;

/** The seed scenario against the {@code apache/kafka} container; skipped where no Docker engine runs. */
@QuarkusTest
@WithTestResource(TestcontainersKafkaResource.class)
@WithTestResource(TestCredentialsResource.class)
@EnabledIf(
        value = "org.rewriteradar.kafka.TestcontainersKafkaResource#dockerAvailable",
        disabledReason = "no Docker engine: the same scenario runs on the in-JVM broker")
class SeedPairOnTestcontainersKafkaIT extends SeedPairScenario {}
