package org.entente.browse.view;

/**
 * A thing shown by its label, linked where it can be.
 *
 * @param label    what the reader sees
 * @param href     the thing's page here, or its own http(s) IRI; empty when it cannot be linked
 * @param external whether {@code href} leaves this site
 */
public record Link(String label, String href, boolean external) {

    /** Text that links nowhere. */
    public static Link plain(String label) {
        return new Link(label, "", false);
    }
}
