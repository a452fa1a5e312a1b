package org.entente.browse.view;

/**
 * What the head and foot of every page show.
 *
 * @param lang       the language the page is written in, for {@code <html lang>}
 * @param title      the window title (before " · Entente")
 * @param dataTurtle the resource's Turtle document, for {@code <link rel="alternate">}; empty on other pages
 * @param query      what the search box holds
 * @param words      the head's and foot's words
 */
public record Frame(String lang, String title, String dataTurtle, String query, FrameWords words) {}
