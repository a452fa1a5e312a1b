package org.entente.browse;

import org.entente.browse.view.Pager;

/** Where a page's window of linked statements lies among all of them, with links to the windows before and after. */
final class PagerBuilder {
    private PagerBuilder() {}

    /** The pager of a window, whose pages are {@code /page/PATH?lang=LANG&page=N}. */
    static Pager build(Describer.Window window, String localPath, Messages m) {
        int total = window.linked(), from = window.offset(), shown = window.window().size(), size = window.size();
        String base = "/page/" + localPath + "?lang=" + m.lang() + "&page=";
        int page = from / size + 1;
        String prev = from > 0 ? base + (page - 1) : "";
        String next = shown == size && from + shown < total ? base + (page + 1) : "";
        String summary = m.format(Phrase.PAGER, String.valueOf(from + 1), String.valueOf(from + shown), String.valueOf(total));
        return new Pager(total > size, summary, prev, next);
    }
}
