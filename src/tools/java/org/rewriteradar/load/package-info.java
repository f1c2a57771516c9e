/** The end-to-end load generator: publishes real articles to a running service and measures its alerts. */
package org.rewriteradar.load;
