/**
 * JMH benchmarks and profiling helpers for the engine ({@code ./mvnw -Pbench}); the figures of record and
 * their commands are in {@code BENCHMARKS.md}.
 */
package org.rewriteradar.bench;
