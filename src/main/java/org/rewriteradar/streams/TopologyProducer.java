package org.rewriteradar.streams;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.apache.kafka.streams.Topology;
import org.rewriteradar.config.RadarConfig;
import org.rewriteradar.similarity.RewriteEngine;

/** Hands the topology to Quarkus' Kafka Streams extension. */
@ApplicationScoped
public class TopologyProducer {

    @Produces
    public Topology topology(RadarConfig config, RewriteEngine engine, MeterRegistry registry) {
        return RadarTopology.build(config, engine, registry);
    }
}
