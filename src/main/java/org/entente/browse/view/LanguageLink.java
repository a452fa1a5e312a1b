package org.entente.browse.view;

/**
 * A link to the same page in another language.
 *
 * @param code    the language's code ({@code ko})
 * @param name    the language's name in itself ({@code 한국어})
 * @param href    the page in that language
 * @param current whether this is the language of the page shown
 */
public record LanguageLink(String code, String name, String href, boolean current) {}
