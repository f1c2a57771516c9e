package org.rewriteradar.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.rewriteradar.similarity.DetectionSettings;
import org.rewriteradar.similarity.RewriteEngine;

/** Builds the detection engine from its tuned defaults and any {@code radar.detection.*} overrides. */
@ApplicationScoped
public class EngineProducer {

    @Produces
    @ApplicationScoped
    public RewriteEngine engine(RadarConfig config) {
        return new RewriteEngine(DetectionOverrides.apply(DetectionSettings.defaults(), config.detection()));
    }
}
