package org.rewriteradar.kafka;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.rewriteradar.api.TestCredentialsResource;

/** The seed scenario against Kafka's own KRaft broker running inside the test JVM. */
@QuarkusTest
@WithTestResource(InJvmKafkaResource.class)
@WithTestResource(TestCredentialsResource.class)
class SeedPairOnInJvmKafkaIT extends SeedPairScenario {}
