package org.entente.sys;

/** The one unchecked exception of Entente: a message for people, and the cause kept. */
public class EntenteException extends RuntimeException {
    public EntenteException(String message) {
        super(message);
    }

    public EntenteException(String message, Throwable cause) {
        super(message, cause);
    }
}
