package org.rewriteradar.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * An article as published to the {@code articles} topic (key: the article id).
 *
 * @param id unique article id; the same id arriving again is a new version of the article
 * @param url where the article was published, if known
 * @param source publisher or feed name, if known
 * @param title headline, if known
 * @param body article text, plain text or HTML
 * @param publishedAt publication time (ISO-8601); "earlier" and retention are measured on it
 * @param language optional BCP 47 language tag
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ArticleEvent(
        String id, String url, String source, String title, String body, Instant publishedAt, String language) {}
