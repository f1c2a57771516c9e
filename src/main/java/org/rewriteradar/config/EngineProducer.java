package org.rewriteradar.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.rewriteradar.similarity.DetectionSettings;
import org.rewriteradar.similarity.RewriteEngine;

/** Builds the detection engine from configuration. */
@ApplicationScoped
public class EngineProducer {

    @Produces
    @ApplicationScoped
    public RewriteEngine engine() {
        return new RewriteEngine(DetectionSettings.defaults());
    }
}
