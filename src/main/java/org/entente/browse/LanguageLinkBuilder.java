package org.entente.browse;

import java.util.List;

import org.entente.browse.view.LanguageLink;

/** Links to a page in each language the pages are written in, each named in itself. */
final class LanguageLinkBuilder {
    private LanguageLinkBuilder() {}

    static List<LanguageLink> build(String localPath, Messages current) {
        return Messages.LANGUAGES.stream()
            .map(l -> new LanguageLink(l, Messages.of(l).languageName(), "/page/" + localPath + "?lang=" + l, l.equals(current.lang())))
            .toList();
    }
}
