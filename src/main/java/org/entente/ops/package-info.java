/**
 * Running the server in production: Prometheus metrics ({@code /$/metrics}), the health check
 * ({@code /$/health}), the access log, and the file by which the command line finds a running server.
 */
package org.entente.ops;
