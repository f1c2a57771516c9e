package org.rewriteradar.deploy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A one-node KRaft cluster in the test JVM with SASL (PLAIN and SCRAM-SHA-512) on its listeners and ACLs
 * enforced (StandardAuthorizer), as deploy-and-security-facts.md describes. The test kit writes a JAAS file
 * with the PLAIN super user {@code plain-admin} and sets it JVM-wide: such tests need their own JVM (failsafe
 * runs every IT class in a fresh one).
 */
final class ScramKafka implements AutoCloseable {

    static final String ADMIN = "plain-admin";
    static final String ADMIN_SECRET = "plain-admin-secret";

    private final KafkaClusterTestKit cluster;

    private ScramKafka(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
    }

    static ScramKafka start() {
        try {
            TestKitNodes nodes = new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    // both: the broker alone fails at start in combined mode
                    .setBrokerSecurityProtocol(SecurityProtocol.SASL_PLAINTEXT)
                    .setControllerSecurityProtocol(SecurityProtocol.SASL_PLAINTEXT)
                    .build();
            KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(nodes)
                    .setConfigProp("sasl.enabled.mechanisms", "PLAIN,SCRAM-SHA-512")
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("offsets.topic.num.partitions", "1")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("transaction.state.log.num.partitions", "4")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .setConfigProp("auto.create.topics.enable", "false")
                    .build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            return new ScramKafka(cluster);
        } catch (Exception e) {
            throw new IllegalStateException("could not start the SCRAM Kafka cluster", e);
        }
    }

    String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    /** Client settings of a SCRAM-SHA-512 user, as the service gets them from the KafkaUser's Secret. */
    Map<String, Object> scramClient(String user, String password) {
        Map<String, Object> p = new HashMap<>();
        p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        p.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
        p.put(SaslConfigs.SASL_MECHANISM, "SCRAM-SHA-512");
        p.put(SaslConfigs.SASL_JAAS_CONFIG, scramJaas(user, password));
        return p;
    }

    /** The sasl.jaas.config line Strimzi's User Operator writes to a SCRAM user's Secret. */
    static String scramJaas(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user + "\" password=\""
                + password + "\";";
    }

    /** Client settings of the super user (PLAIN), explicit rather than from the JVM-wide JAAS file. */
    Map<String, Object> adminClient() {
        Map<String, Object> p = new HashMap<>();
        p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        p.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
        p.put(SaslConfigs.SASL_MECHANISM, "PLAIN");
        p.put(
                SaslConfigs.SASL_JAAS_CONFIG,
                "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + ADMIN
                        + "\" password=\"" + ADMIN_SECRET + "\";");
        return p;
    }

    /** Creates a SCRAM-SHA-512 user and gives it {@code acls}, as the User Operator does for a KafkaUser. */
    void createUser(String user, String password, List<AclBinding> acls) {
        try (Admin admin = Admin.create(adminClient())) {
            admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(
                            user, new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), password)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
            admin.createAcls(acls).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not create user " + user, e);
        }
    }

    void createTopics(List<NewTopic> topics) {
        try (Admin admin = Admin.create(adminClient())) {
            admin.createTopics(topics).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not create topics " + topics, e);
        }
    }

    @Override
    public void close() {
        try {
            cluster.close();
        } catch (Exception e) {
            throw new IllegalStateException("could not stop the SCRAM Kafka cluster", e);
        }
    }
}
