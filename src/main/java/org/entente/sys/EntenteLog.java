package org.entente.sys;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Named loggers, one per concern, as Jena's {@code Fuseki} class has them. */
public final class EntenteLog {
    /** Loading and validating data. */
    public static final Logger loadLog = LoggerFactory.getLogger("org.entente.load");
    /** Server start, stop and configuration. */
    public static final Logger serverLog = LoggerFactory.getLogger("org.entente.server");
    /** Named queries. */
    public static final Logger queryLog = LoggerFactory.getLogger("org.entente.query");
    /** One line per HTTP request (method, path, status, bytes, time, user); never a credential. */
    public static final Logger accessLog = LoggerFactory.getLogger("entente.access");

    private EntenteLog() {}
}
