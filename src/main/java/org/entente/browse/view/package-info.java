/**
 * The views the browse templates render: immutable records, one per thing a template shows.
 * <p>
 * Mustache (mustache.java) reads a record through its accessor methods ({@code {{label}}} calls
 * {@code label()}), and looks a name up in the enclosing views only when the innermost view has no
 * member of that name. Every record here declares every member its part of a template asks for, so a
 * view without a value (an empty string, a null record, an empty list) shows nothing instead of
 * borrowing the value of the view around it. Text that is absent is {@code ""}, never null; a nested
 * view that is absent is null.
 */
package org.entente.browse.view;
