package org.rewriteradar.deploy;

import io.strimzi.api.kafka.model.user.acl.AclOperation;
import io.strimzi.api.kafka.model.user.acl.AclResourcePatternType;
import io.strimzi.api.kafka.model.user.acl.AclRule;
import io.strimzi.api.kafka.model.user.acl.AclRuleGroupResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleTopicResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleTransactionalIdResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * The KafkaUser's ACLs (Strimzi) as Kafka ACL bindings, and the minimal set an exactly_once_v2 Kafka Streams
 * application needs (deploy-and-security-facts.md): what the manifest declares, the test broker enforces.
 */
final class KafkaAcls {

    private KafkaAcls() {}

    /** One line per (resource type, pattern, name, operation), e.g. "TOPIC LITERAL articles READ". */
    static List<String> describe(List<AclRule> rules) {
        return bindings("User:x", rules).stream()
                .map(b -> b.pattern().resourceType() + " " + b.pattern().patternType() + " "
                        + b.pattern().name() + " " + b.entry().operation())
                .toList();
    }

    /**
     * The minimal ACLs of the service, in the form of {@link #describe}: those of an exactly_once_v2 Streams
     * application, plus its HTTP edges' (POST /articles writes the input topic, the live feed reads the alert
     * topic in a group of each instance's own, prefixed by the application id).
     */
    static List<String> minimal(String applicationId, String input, String alerts, String deadLetter) {
        List<String> out = new ArrayList<>();
        out.add("TOPIC LITERAL " + input + " READ");
        out.add("TOPIC LITERAL " + input + " WRITE");
        out.add("TOPIC LITERAL " + input + " DESCRIBE");
        out.add("TOPIC LITERAL " + alerts + " READ");
        for (String o : List.of(alerts, deadLetter)) {
            out.add("TOPIC LITERAL " + o + " WRITE");
            out.add("TOPIC LITERAL " + o + " DESCRIBE");
        }
        out.add("TOPIC PREFIXED " + applicationId + " ALL");
        out.add("GROUP PREFIXED " + applicationId + " READ");
        out.add("TRANSACTIONAL_ID PREFIXED " + applicationId + " WRITE");
        out.add("TRANSACTIONAL_ID PREFIXED " + applicationId + " DESCRIBE");
        return out;
    }

    /** The rules as Kafka ACL bindings (ALLOW, any host) for {@code principal}. */
    static List<AclBinding> bindings(String principal, List<AclRule> rules) {
        List<AclBinding> out = new ArrayList<>();
        for (AclRule rule : rules) {
            ResourceType type;
            String name;
            AclResourcePatternType pattern;
            if (rule.getResource() instanceof AclRuleTopicResource t) {
                type = ResourceType.TOPIC;
                name = t.getName();
                pattern = t.getPatternType();
            } else if (rule.getResource() instanceof AclRuleGroupResource g) {
                type = ResourceType.GROUP;
                name = g.getName();
                pattern = g.getPatternType();
            } else if (rule.getResource() instanceof AclRuleTransactionalIdResource x) {
                type = ResourceType.TRANSACTIONAL_ID;
                name = x.getName();
                pattern = x.getPatternType();
            } else {
                throw new AssertionError("unexpected ACL resource " + rule.getResource());
            }
            PatternType patternType =
                    pattern == AclResourcePatternType.PREFIX ? PatternType.PREFIXED : PatternType.LITERAL;
            String host = rule.getHost() == null ? "*" : rule.getHost();
            for (AclOperation op : rule.getOperations()) {
                out.add(new AclBinding(
                        new ResourcePattern(type, name, patternType),
                        new AccessControlEntry(
                                principal,
                                host,
                                org.apache.kafka.common.acl.AclOperation.fromString(
                                        op.name().toUpperCase(Locale.ROOT)),
                                AclPermissionType.ALLOW)));
            }
        }
        return out;
    }
}
