package org.entente.browse.view;

/**
 * Where a page's window of linked statements lies among all of them.
 *
 * @param paged   whether there is more than one window
 * @param summary which statements this window shows, of how many ("Statements and links 1–25 of 60")
 * @param prev    the previous window's page; empty on the first
 * @param next    the next window's page; empty on the last
 */
public record Pager(boolean paged, String summary, String prev, String next) {}
