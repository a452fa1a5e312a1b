package org.entente.ingest.draft;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.entente.ingest.extract.ArticleEvent;
import org.entente.ingest.extract.Extraction;
import org.entente.ingest.extract.ParticipationDraft;
import org.entente.ingest.extract.Quote;
import org.entente.ingest.extract.StanceDraft;
import org.entente.ingest.extract.TieDraft;
import org.entente.ingest.link.Mention;
import org.entente.ingest.link.Thing;
import org.entente.ingest.text.Sentence;

/**
 * The page a person reads to review a draft: one row per proposed statement with the sentence it rests
 * on, its quoted words and linked mentions highlighted, the thing each mention is linked to (or "new"),
 * the alternatives the linker considered, the confidence and the certainty. Every piece of the article
 * is HTML-escaped; the page has no script.
 */
public final class ReviewPage {
    private ReviewPage() {}

    /** The review page of a draft. */
    public static String html(String source, String slug, Extraction x) {
        return html(source, slug, slug, x);
    }

    /** The page for a draft written to {@code file}.trig, which may be named otherwise than its source's slug. */
    public static String html(String source, String slug, String file, Extraction x) {
        StringBuilder b = new StringBuilder(8192);
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Review: ").append(esc(slug)).append("</title>\n")
         .append("<style>body{font:15px/1.45 system-ui,sans-serif;margin:1.5em;max-width:80em}table{border-collapse:collapse;width:100%}")
         .append("td,th{border:1px solid #ccc;padding:.4em;vertical-align:top;text-align:left}mark.quote{background:#fff3a8}")
         .append("mark.mention{background:#bfe3ff;font-weight:600}.new{color:#a40000;font-weight:700}.alt{color:#555;font-size:90%}</style>\n")
         .append("</head><body>\n<h1>Review the draft of <code>").append(esc(slug)).append("</code></h1>\n")
         .append("<p>Source <code>").append(esc(source)).append("</code>. Edit or delete statements in <code>").append(esc(file))
         .append(".trig</code>; for each thing marked <span class=\"new\">new</span>, check it and change its <code>ent:reviewState</code> ")
         .append("from <code>review:proposed</code> to <code>review:reviewed</code> (or delete it and the statements using it). ")
         .append("Then <code>bin/entente load ").append(esc(file)).append(".trig</code>: the SHACL gate refuses unreviewed things.</p>\n")
         .append("<table id=\"statements\"><thead><tr><th>#</th><th>statement</th><th>sentence</th><th>linked</th><th>alternatives</th>")
         .append("<th>confidence</th><th>certainty</th></tr></thead><tbody>\n");
        int n = 0;
        for (ParticipationDraft p : x.participations())
            row(b, ++n, "participation", p.participant().label() + " \u2014 " + p.status() + " \u2014 " + String.join(", ", p.roles())
                + " \u2014 " + p.event().label(), p.quotes(), p.mentions(), p.confidence(), p.certainty(), x, p.event());
        for (StanceDraft s : x.stances())
            row(b, ++n, "stance", s.from().label() + " \u2014 " + s.type() + " \u2014 "
                + (s.toward() != null ? s.toward().label() : s.towardEvent().label()), s.quotes(), s.mentions(), s.confidence(), s.certainty(), x,
                s.towardEvent());
        for (TieDraft t : x.ties())
            row(b, ++n, "tie", t.parties().stream().map(Thing::label).collect(Collectors.joining(" \u2013 ")) + " \u2014 " + t.type(),
                t.quotes(), t.mentions(), t.confidence(), t.certainty(), x, null);
        b.append("</tbody></table>\n<p id=\"count\">").append(n).append(" statements proposed.</p>\n</body></html>\n");
        return b.toString();
    }

    private static void row(StringBuilder b, int n, String kind, String what, List<Quote> quotes, List<Mention> mentions,
                            double confidence, String certainty, Extraction x, ArticleEvent event) {
        b.append("<tr class=\"statement ").append(kind).append("\"><td>").append(n).append("</td><td><b>").append(kind).append("</b>: ")
         .append(esc(what)).append("</td><td>");
        for (Quote q : quotes)
            b.append("<p>").append(sentence(x, q, mentions)).append("</p>");
        b.append("</td><td>");
        List<String> linked = new ArrayList<>();
        List<String> alts = new ArrayList<>();
        for (Mention m : mentions.stream().distinct().toList()) {
            linked.add("<span class=\"mention-link\">\u201C" + esc(m.surface()) + "\u201D \u2192 "
                       + (m.thing().proposed() ? "<span class=\"new\">new</span> " + esc(m.thing().kind()) + " <code>" + esc(m.thing().iri()) + "</code>"
                                               : "<a href=\"" + esc(m.thing().iri()) + "\">" + esc(m.thing().label()) + "</a>")
                       + " <small>(" + esc(m.via()) + ")</small></span>");
            for (Thing a : m.alternatives())
                alts.add("<span class=\"alt\">" + esc(m.surface()) + ": " + esc(a.label()) + " <code>" + esc(a.iri()) + "</code></span>");
        }
        if (event != null)
            linked.add("<span class=\"mention-link\">event \u2192 " + (event.linked() ? "<a href=\"" + esc(event.iri()) + "\">" + esc(event.label()) + "</a>"
                                                                    : "<span class=\"new\">new</span> event <code>" + esc(event.iri()) + "</code>") + "</span>");
        b.append(String.join("<br>", linked)).append("</td><td>").append(alts.isEmpty() ? "\u2014" : String.join("<br>", alts))
         .append("</td><td class=\"confidence\">").append(String.format(Locale.ROOT, "%.2f", confidence))
         .append("</td><td class=\"certainty\">").append(esc(certainty)).append("</td></tr>\n");
    }

    /** The sentence holding the quote, the quote marked, the mentions inside it marked too. */
    private static String sentence(Extraction x, Quote q, List<Mention> mentions) {
        String text = x.text().text();
        Sentence s = x.text().sentences().stream().filter(z -> z.begin() <= q.begin() && z.end() >= q.begin()).findFirst().orElse(null);
        int sb = s == null ? q.begin() : s.begin(), se = s == null ? q.end() : Math.max(s.end(), q.end());
        List<int[]> marks = new ArrayList<>();
        for (Mention m : mentions)
            if (m.begin() >= q.begin() && m.end() <= q.end())
                marks.add(new int[] { m.begin(), m.end() });
        marks.sort(Comparator.comparingInt(a -> a[0]));
        StringBuilder out = new StringBuilder();
        out.append(esc(text.substring(sb, q.begin()))).append("<mark class=\"quote\">");
        int at = q.begin();
        for (int[] m : marks) {
            if (m[0] < at)
                continue;
            out.append(esc(text.substring(at, m[0]))).append("<mark class=\"mention\">").append(esc(text.substring(m[0], m[1]))).append("</mark>");
            at = m[1];
        }
        out.append(esc(text.substring(at, q.end()))).append("</mark>").append(esc(text.substring(q.end(), se)));
        return out.toString();
    }

    /** Escapes text for HTML element content and attribute values. */
    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        s.codePoints().forEach(c -> {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.appendCodePoint(c);
            }
        });
        return b.toString();
    }
}
