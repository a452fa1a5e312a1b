package org.entente.sys;

/** The one unchecked exception of Entente: a message for people, and the cause kept. */
public class EntenteException extends RuntimeException {
    public EntenteException(String message) {
        super(message);
    }

    public EntenteException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * The failure of work done on another thread (the cause of an ExecutionException or a
     * CompletionException), to throw on this one: unchecked as it was thrown there, anything else wrapped.
     */
    public static RuntimeException fromWorker(String what, Throwable cause) {
        return cause instanceof RuntimeException re ? re : new EntenteException(what + " failed: " + cause, cause);
    }
}
