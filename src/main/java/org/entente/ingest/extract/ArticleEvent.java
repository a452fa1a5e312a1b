package org.entente.ingest.extract;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.entente.ingest.link.Linker;
import org.entente.ingest.link.Thing;
import org.entente.sys.EntenteSys;

/**
 * An event the article speaks of: its types (local names of classes below ent:Event), the words that
 * name it, when (as the text says and as resolved), host, place, the store's event it is (if any), and
 * for a meeting the parties it is between. Filled in as the sentences are read.
 */
public final class ArticleEvent {
    final Set<String> types = new LinkedHashSet<>();
    String name;
    TimeExpr time;
    Integer year;
    Thing host;
    Thing place;
    String linked;
    double linkConfidence;
    boolean namesake;
    final List<Thing> parties = new ArrayList<>();
    final List<Quote> quotes = new ArrayList<>();

    ArticleEvent(String type, String name) {
        types.add(type);
        this.name = name;
    }

    public Set<String> types() { return types; }
    public String primaryType() { return types.iterator().next(); }
    public TimeExpr time() { return time; }
    public Integer year() { return year; }
    public Thing host() { return host; }
    public Thing place() { return place; }
    public List<Thing> parties() { return parties; }
    public List<Quote> quotes() { return quotes; }
    public double linkConfidence() { return linkConfidence; }

    /** Whether the store already has this event. */
    public boolean linked() {
        return linked != null;
    }

    /** The store's IRI, or a new one: {@code /id/event/{day|year}-{words}}. */
    public String iri() {
        if (linked != null)
            return linked;
        String when = time != null && time.lexical() != null ? time.lexical() + "-" : year != null ? year + "-" : "";
        return EntenteSys.ID_BASE + "event/" + when + Linker.slug(label().replaceAll(" [0-9]{4}$", ""));
    }

    /** A label in English made of the article's words. */
    public String label() {
        if (!parties.isEmpty() && (name == null || name.isBlank()))
            return primaryType().replaceAll("([a-z])([A-Z])", "$1 $2") + " of "
                   + parties.stream().map(Thing::label).collect(Collectors.joining(" and "));
        String n = name == null || name.isBlank() ? primaryType().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase() : name;
        n = Character.toUpperCase(n.charAt(0)) + n.substring(1);
        return year != null ? n + " " + year : n;
    }
}
