package org.rewriteradar.streams;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.apache.kafka.streams.Topology;
import org.rewriteradar.config.RadarConfig;
import org.rewriteradar.similarity.RewriteEngine;

/** Hands the topology to Quarkus' Kafka Streams extension. */
@ApplicationScoped
public class TopologyProducer {

    @Produces
    public Topology topology(RadarConfig config, RewriteEngine engine) {
        return RadarTopology.build(config, engine);
    }
}
