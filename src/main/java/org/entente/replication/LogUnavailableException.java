package org.entente.replication;

import org.entente.sys.EntenteException;

/** The patch log could not be reached, or did not take a patch in time: the write it carried is not made. */
public final class LogUnavailableException extends EntenteException {
    public LogUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
