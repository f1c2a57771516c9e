/**
 * Who may call the HTTP API: API keys (stored as SHA-256 hashes) beside SmallRye JWT's bearer tokens, the
 * roles {@code ingest}, {@code reader}, {@code admin}, and the switch that turns security off for a local run.
 *
 * <p>Uses no service package: {@code query} and {@code api} use it.
 */
package org.rewriteradar.security;
