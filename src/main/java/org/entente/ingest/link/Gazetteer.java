package org.entente.ingest.link;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.entente.sys.QueryResources;

/**
 * What the linker knows of the store: an in-memory Lucene index of every name (labels and alternative
 * labels in every language, codes, demonyms, seat-of-government names) folded with ICU, the English
 * label of each thing, the office tenures (for role phrases on the article's date) and the events with
 * their types and dates. Built once from a store, then read by any number of articles.
 */
public final class Gazetteer {
    /** A name the index holds and the thing it names. */
    public record Entry(Thing thing, String name, String via) {}

    private static final String F_KEY = "key", F_WORD = "word", F_IRI = "iri", F_KIND = "kind", F_NAME = "name", F_VIA = "via";

    private final IndexSearcher searcher;
    private final Map<String, Thing> things;
    private final List<Tenure> tenures;
    private final Map<String, StoreEvent> events;
    private final Map<String, String> placeState;
    private final Set<String> states;

    private Gazetteer(IndexSearcher searcher, Map<String, Thing> things, List<Tenure> tenures,
                      Map<String, StoreEvent> events, Map<String, String> placeState, Set<String> states) {
        this.states = states;
        this.searcher = searcher;
        this.things = things;
        this.tenures = tenures;
        this.events = events;
        this.placeState = placeState;
    }

    /** Reads the names, tenures and events of a store (the union of its graphs, whatever its default graph) and indexes the names. */
    public static Gazetteer of(DatasetGraph dsg) {
        return Txn.calculateRead(dsg, () -> build(dsg));
    }

    private static Gazetteer build(DatasetGraph dsg) {
        Map<String, String> english = new HashMap<>();
        select(dsg, "ingest/english-labels.rq", s -> english.put(s.getResource("thing").getURI(), s.getLiteral("label").getLexicalForm()));
        Map<String, Thing> things = new HashMap<>();
        ByteBuffersDirectory dir = new ByteBuffersDirectory();
        try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(Folding.ANALYZER))) {
            Set<String> seen = new java.util.HashSet<>();
            select(dsg, "ingest/names.rq", s -> {
                if (!s.get("thing").isURIResource())
                    return;
                String iri = s.getResource("thing").getURI();
                String kind = s.getLiteral("kind").getString();
                String name = s.getLiteral("name").getLexicalForm();
                String via = s.getLiteral("via").getString();
                Thing t = things.computeIfAbsent(iri, k -> new Thing(iri, kind, english.getOrDefault(iri, name), false));
                String key = Folding.key(name);
                if (key.isEmpty() || !seen.add(iri + '\u0000' + key + '\u0000' + via))
                    return;
                Document d = new Document();
                d.add(new StringField(F_KEY, key, Field.Store.NO));
                d.add(new TextField(F_WORD, key, Field.Store.NO));
                d.add(new StoredField(F_IRI, iri));
                d.add(new StoredField(F_KIND, t.kind()));
                d.add(new StoredField(F_NAME, name));
                d.add(new StoredField(F_VIA, via));
                try {
                    w.addDocument(d);
                } catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
            });
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        List<Tenure> tenures = new ArrayList<>();
        select(dsg, "ingest/tenures.rq", s -> tenures.add(new Tenure(
            s.getResource("holder").getURI(), s.getResource("state").getURI(),
            s.contains("officeLabel") ? s.getLiteral("officeLabel").getLexicalForm() : "",
            day(s.getLiteral("start").getLexicalForm(), false),
            s.contains("end") ? day(s.getLiteral("end").getLexicalForm(), true) : null)));
        Map<String, Set<String>> types = new LinkedHashMap<>();
        Map<String, String> when = new HashMap<>();
        select(dsg, "ingest/events.rq", s -> {
            if (!s.get("event").isURIResource())
                return;
            String e = s.getResource("event").getURI();
            types.computeIfAbsent(e, k -> new LinkedHashSet<>()).add(s.getResource("type").getLocalName());
            if (s.contains("when"))
                when.put(e, s.getLiteral("when").getLexicalForm());
        });
        Map<String, StoreEvent> events = new LinkedHashMap<>();
        types.forEach((e, ts) -> events.put(e, new StoreEvent(e, Set.copyOf(ts), when.get(e))));
        Map<String, String> placeState = new HashMap<>();
        select(dsg, "ingest/place-states.rq", s -> placeState.put(s.getResource("place").getURI(), s.getResource("state").getURI()));
        Set<String> states = new java.util.HashSet<>();
        select(dsg, "ingest/states.rq", s -> states.add(s.getResource("state").getURI()));
        try {
            IndexSearcher searcher = new IndexSearcher(DirectoryReader.open(dir));
            return new Gazetteer(searcher, Map.copyOf(things), List.copyOf(tenures), Map.copyOf(events), Map.copyOf(placeState), Set.copyOf(states));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static LocalDate day(String lexical, boolean end) {
        if (lexical.length() >= 10)
            return LocalDate.parse(lexical.substring(0, 10));
        if (lexical.length() == 7)
            return LocalDate.parse(lexical + "-01");
        return LocalDate.of(Integer.parseInt(lexical.substring(0, 4)), 1, 1);
    }

    private static void select(DatasetGraph dsg, String query, java.util.function.Consumer<QuerySolution> each) {
        try (QueryExecution qe = QueryExecution.model(org.apache.jena.rdf.model.ModelFactory.createModelForGraph(dsg.getUnionGraph()))
                                               .query(QueryResources.get(query)).build()) {
            ResultSet rs = qe.execSelect();
            rs.forEachRemaining(each);
        }
    }

    /** Every entry whose folded name is exactly the folded words given. */
    public List<Entry> lookup(String key) {
        return search(new TermQuery(new Term(F_KEY, key)), 50);
    }

    /** Entries with a name that has this folded word among its words (for a surname or given name alone). */
    public List<Entry> withWord(String word) {
        return search(new TermQuery(new Term(F_WORD, word)), 50);
    }

    private List<Entry> search(org.apache.lucene.search.Query q, int n) {
        try {
            List<Entry> out = new ArrayList<>();
            for (ScoreDoc sd : searcher.search(q, n).scoreDocs) {
                Document d = searcher.storedFields().document(sd.doc);
                Thing t = things.get(d.get(F_IRI));
                if (t != null)
                    out.add(new Entry(t, d.get(F_NAME), d.get(F_VIA)));
            }
            return out;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** The thing with this IRI, if the store has it. */
    public Optional<Thing> thing(String iri) {
        return Optional.ofNullable(things.get(iri));
    }

    /** Who held an office of the state on the day. */
    public List<Tenure> holders(String state, LocalDate day) {
        return tenures.stream().filter(t -> t.state().equals(state) && t.covers(day)).toList();
    }

    /** The states whose offices the person held on the day. */
    public List<String> statesOf(String person, LocalDate day) {
        return tenures.stream().filter(t -> t.holder().equals(person) && t.covers(day)).map(Tenure::state).distinct().toList();
    }

    /** The state a place lies in (directly or through a place that does), if known. */
    public Optional<String> stateOf(String place) {
        return Optional.ofNullable(placeState.get(place));
    }

    /** Whether the store types this territory ent:State (the CLDR territories are only ent:Territory). */
    public boolean isState(String iri) {
        return states.contains(iri);
    }

    /** The events of the store. */
    public Iterable<StoreEvent> events() {
        return events.values();
    }

    /** How many things the index names. */
    public int size() {
        return things.size();
    }
}
