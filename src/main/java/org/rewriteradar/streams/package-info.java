/**
 * The Kafka Streams topology: intake and validation, versions, LSH buckets, candidate collection,
 * scoring, the rewrite index and retention, with the serdes, stores and topics they own.
 *
 * <p>Reaches the engine only through its façade ({@code RewriteEngine} and its public value types and
 * codecs); may use {@code model} and {@code config}; used only by {@code query}.
 */
package org.rewriteradar.streams;
