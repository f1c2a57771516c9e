package org.rewriteradar.query;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.rewriteradar.config.RadarConfig;

/** Wires the query services to the running Kafka Streams instance and this instance's advertised address. */
@ApplicationScoped
public class QueryProducer {

    @Produces
    @ApplicationScoped
    public ArticleQueryService queries(
            KafkaStreams streams,
            @ConfigProperty(name = "quarkus.kafka-streams.application-server") String applicationServer,
            RadarConfig config) {
        return new ArticleQueryService(
                streams,
                HostInfo.buildFromEndpoint(applicationServer),
                new HttpRemoteArticles(config.query().remoteTimeout()));
    }

    @Produces
    @ApplicationScoped
    public AlertQueryService alerts(
            KafkaStreams streams,
            @ConfigProperty(name = "quarkus.kafka-streams.application-server") String applicationServer,
            RadarConfig config) {
        return new AlertQueryService(
                streams,
                HostInfo.buildFromEndpoint(applicationServer),
                config.topics().partitions(),
                new HttpRemoteAlerts(config.query().remoteTimeout()));
    }
}
