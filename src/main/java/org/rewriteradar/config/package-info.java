/**
 * Typed configuration ({@code @ConfigMapping} of {@code radar.*}) and the wiring of the engine from it:
 * every detection threshold can be overridden as {@code radar.detection.*}.
 *
 * <p>May use {@code similarity} and {@code model}; used by {@code streams} and {@code query}, never the
 * other way round.
 */
package org.rewriteradar.config;
