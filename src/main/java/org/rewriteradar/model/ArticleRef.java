package org.rewriteradar.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * A reference to one version of an article, as carried in alerts.
 *
 * @param id article id
 * @param version 1 for the first text seen under this id, then 2, 3, ... for each revision
 * @param url article url, if known
 * @param source publisher, if known
 * @param title headline, if known
 * @param publishedAt publication time of this version
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ArticleRef(String id, int version, String url, String source, String title, Instant publishedAt) {

    public static ArticleRef of(ArticleEvent event, int version) {
        return new ArticleRef(event.id(), version, event.url(), event.source(), event.title(), event.publishedAt());
    }
}
