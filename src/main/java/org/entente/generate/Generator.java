package org.entente.generate;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.entente.load.SourceFileLib;
import org.entente.sys.EntenteException;
import org.entente.sys.EntenteSys;
import org.entente.vocab.ENT;

/**
 * A deterministic generator of realistic data in the Entente ontology, for benchmarks: a few hundred
 * states with labels in five languages, leaders holding offices over time, events with
 * participations of every status, ties and stances, and many news sources, each its own named graph.
 * The same seed and size give the same N-Quads, byte for byte. Output streams: memory stays flat.
 * <pre>
 *   Generator.create().triples(1_000_000).seed(42).build().write(Path.of("gen.nq.gz"));
 * </pre>
 */
public final class Generator {

    private static final String ID = EntenteSys.ID_BASE;
    private static final String CONCEPT = ID + "concept/";
    private static final List<String> STATUS = List.of("announced", "invited", "confirmed", "expected", "not-expected",
                                                       "possible", "attended", "declined", "discouraged");
    private static final List<String> ROLES = List.of("attendee", "host", "delegation-head", "reviewing-officer");
    private static final List<String> CERTAINTY = List.of("stated", "officially-confirmed", "reported", "expected", "possible");
    private static final List<String> TIES = List.of("traditional-friendship", "closeness", "cooperation", "alliance", "tension", "breakdown");
    private static final List<String> STANCES = List.of("criticism", "interest-in-meeting", "pursuit-of-deal", "discouragement", "praise");
    private static final List<Node> EVENT_TYPES = List.of(ENT.node(ENT.MilitaryParade), ENT.node(ENT.Summit), ENT.node(ENT.StateVisit),
                                                          ENT.node(ENT.Meeting), ENT.node(ENT.Negotiation), ENT.node(ENT.Commemoration));
    private static final String[][] WORDS = {
        { "en", "State", "Leader", "Event", "Capital" }, { "zh", "国家", "领导人", "事件", "首都" }, { "ko", "국가", "지도자", "행사", "수도" },
        { "ru", "Государство", "Лидер", "Событие", "Столица" }, { "ja", "国家", "指導者", "出来事", "首都" } };

    private final long triples;
    private final long seed;
    private final long firstArticle;

    private Generator(long triples, long seed, long firstArticle) {
        this.triples = triples;
        this.seed = seed;
        this.firstArticle = firstArticle;
    }

    public static Builder create() {
        return new Builder();
    }

    /** Writes the data as N-Quads (gzipped when the name ends in .gz); returns the number of quads. */
    public long write(Path out) {
        boolean gzip = SourceFileLib.isGzip(out);
        try {
            // A folder named in --out that does not exist yet is made, as `ingest --out` does.
            Files.createDirectories(out.toAbsolutePath().getParent());
        } catch (IOException ex) {
            throw new EntenteException("Cannot make the folder of " + out + ": " + ex.getMessage(), ex);
        }
        try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16);
             OutputStream os = gzip ? new GZIPOutputStream(raw, 1 << 16) : raw) {
            StreamRDF w = StreamRDFWriter.getWriterStream(os, Lang.NQUADS);
            w.start();
            long n = generate(w);
            w.finish();
            return n;
        } catch (IOException ex) {
            throw new EntenteException("Cannot write " + out + ": " + ex.getMessage(), ex);
        }
    }

    /** Sends the data to a stream; returns the number of quads. */
    public long generate(StreamRDF out) {
        Sink s = new Sink(out);
        SplittableRandom rnd = new SplittableRandom(seed);
        int states = stateCount(triples);
        int personsPerState = PERSONS_PER_STATE;
        Node reference = iri("source/gen-reference");
        if (firstArticle == 0)
            reference(s, rnd, reference, states, personsPerState);
        articles(s, rnd, states, personsPerState);
        return s.count;
    }

    /** The states, their capitals and offices, and the leaders who held them: the reference graph. */
    private static void reference(Sink s, SplittableRandom rnd, Node reference, int states, int personsPerState) {
        s.add(reference, reference, RDF.type.asNode(), ENT.node(ENT.Source));
        s.add(reference, reference, RDFS.label.asNode(), lit("Generated reference data", "en"));
        for (int i = 0; i < states; i++) {
            Node state = state(i), capital = iri("place/gen-capital-" + i), office = iri("office/gen-head-" + i);
            s.add(reference, state, RDF.type.asNode(), ENT.node(ENT.State));
            for (String[] w : WORDS)
                s.add(reference, state, RDFS.label.asNode(), lit(w[1] + " " + i, w[0]));
            s.add(reference, state, SKOS.notation.asNode(), NodeFactory.createLiteralString(code(i)));
            s.add(reference, state, ENT.node(ENT.capital), capital);
            s.add(reference, capital, RDF.type.asNode(), ENT.node(ENT.Place));
            s.add(reference, capital, RDFS.label.asNode(), lit("Capital " + i, "en"));
            s.add(reference, capital, ENT.node(ENT.locatedIn), state);
            s.add(reference, office, RDF.type.asNode(), ENT.node(ENT.Office));
            s.add(reference, office, RDFS.label.asNode(), lit("Head of State " + i, "en"));
            s.add(reference, office, ENT.node(ENT.officeOf), state);
            for (int k = 0; k < personsPerState; k++) {
                Node person = person(i, k), tenure = iri("tenure/gen-" + i + "-" + k);
                s.add(reference, person, RDF.type.asNode(), ENT.node(ENT.Person));
                for (String[] w : WORDS)
                    s.add(reference, person, RDFS.label.asNode(), lit(w[2] + " " + i + "-" + k, w[0]));
                int from = 1990 + k * 9;
                s.add(reference, tenure, RDF.type.asNode(), ENT.node(ENT.Tenure));
                s.add(reference, tenure, RDFS.label.asNode(), lit("Leader " + i + "-" + k + " in office", "en"));
                s.add(reference, tenure, ENT.node(ENT.holder), person);
                s.add(reference, tenure, ENT.node(ENT.office), office);
                s.add(reference, tenure, ENT.node(ENT.startDate), date(from, 1 + rnd.nextInt(12), 1 + rnd.nextInt(28)));
                if (k < personsPerState - 1)
                    s.add(reference, tenure, ENT.node(ENT.endDate), date(from + 9, 1 + rnd.nextInt(12), 1 + rnd.nextInt(28)));
            }
        }
    }

    /** News sources, each a named graph with an event and what it says about it, until the size is reached. */
    private void articles(Sink s, SplittableRandom rnd, int states, int personsPerState) {
        for (long a = firstArticle; s.count < triples; a++) {
            Node source = iri("source/gen-article-" + a), event = iri("event/gen-" + a);
            int year = 2000 + rnd.nextInt(26);
            s.add(source, source, RDF.type.asNode(), ENT.node(ENT.Source));
            s.add(source, source, RDFS.label.asNode(), lit("Generated news report " + a, "en"));
            s.add(source, source, ENT.node(ENT.published), date(year, 1 + rnd.nextInt(12), 1 + rnd.nextInt(28)));
            int hostIdx = rnd.nextInt(states);
            s.add(source, event, RDF.type.asNode(), EVENT_TYPES.get(rnd.nextInt(EVENT_TYPES.size())));
            for (String[] w : WORDS)
                s.add(source, event, RDFS.label.asNode(), lit(w[3] + " " + a, w[0]));
            s.add(source, event, ENT.node(ENT.date), date(year, 1 + rnd.nextInt(12), 1 + rnd.nextInt(28)));
            s.add(source, event, ENT.node(ENT.host), state(hostIdx));
            s.add(source, event, ENT.node(ENT.place), iri("place/gen-capital-" + hostIdx));
            int parts = 3 + rnd.nextInt(6);
            for (int p = 0; p < parts; p++) {
                int st = rnd.nextInt(states), who = rnd.nextInt(personsPerState);
                Node part = iri("participation/gen-" + a + "-" + p);
                s.add(source, part, RDF.type.asNode(), ENT.node(ENT.Participation));
                s.add(source, part, RDFS.label.asNode(), lit("Participation " + a + "-" + p, "en"));
                s.add(source, part, ENT.node(ENT.participant), person(st, who));
                s.add(source, part, ENT.node(ENT.event), event);
                s.add(source, part, ENT.node(ENT.role), concept("role", ROLES.get(rnd.nextInt(ROLES.size()))));
                s.add(source, part, ENT.node(ENT.representing), state(st));
                s.add(source, part, ENT.node(ENT.status), concept("participation-status", STATUS.get(rnd.nextInt(STATUS.size()))));
                s.add(source, part, ENT.node(ENT.certainty), concept("certainty", CERTAINTY.get(rnd.nextInt(CERTAINTY.size()))));
                s.add(source, part, ENT.node(ENT.quote), lit("Leader " + st + "-" + who + " is to take part in event " + a + ".", "en"));
            }
            int x = rnd.nextInt(states), y = (x + 1 + rnd.nextInt(states - 1)) % states;
            Node tie = iri("tie/gen-" + a);
            s.add(source, tie, RDF.type.asNode(), ENT.node(ENT.DiplomaticTie));
            s.add(source, tie, RDFS.label.asNode(), lit("Tie " + a, "en"));
            s.add(source, tie, ENT.node(ENT.party), state(x));
            s.add(source, tie, ENT.node(ENT.party), state(y));
            s.add(source, tie, ENT.node(ENT.tieType), concept("tie-type", TIES.get(rnd.nextInt(TIES.size()))));
            s.add(source, tie, ENT.node(ENT.certainty), concept("certainty", CERTAINTY.get(rnd.nextInt(CERTAINTY.size()))));
            s.add(source, tie, ENT.node(ENT.quote), lit("State " + x + " and state " + y + " renewed their ties.", "en"));
            Node stance = iri("stance/gen-" + a);
            s.add(source, stance, RDF.type.asNode(), ENT.node(ENT.Stance));
            s.add(source, stance, RDFS.label.asNode(), lit("Stance " + a, "en"));
            s.add(source, stance, ENT.node(ENT.from), state(y));
            s.add(source, stance, ENT.node(ENT.toward), event);
            s.add(source, stance, ENT.node(ENT.stanceType), concept("stance-type", STANCES.get(rnd.nextInt(STANCES.size()))));
            s.add(source, stance, ENT.node(ENT.certainty), concept("certainty", CERTAINTY.get(rnd.nextInt(CERTAINTY.size()))));
            s.add(source, stance, ENT.node(ENT.quote), lit("State " + y + " spoke about event " + a + ".", "en"));
        }
    }

    /** Leaders per state, each with a tenure of the state's office. */
    public static final int PERSONS_PER_STATE = 4;

    /** How many states data of this size has: a few hundred at most. */
    public static int stateCount(long triples) {
        return (int) Math.max(10, Math.min(400, triples / 2_500));
    }

    /** A number of articles that data of this size surely has (each article makes about 80 triples). */
    public static int articlesAtLeast(long triples) {
        return (int) Math.max(1, triples / 100);
    }

    /** The path under the id namespace of state {@code i}: {@code state/gen-aab}. */
    public static String statePath(int i) {
        return "state/gen-" + code(i).toLowerCase(Locale.ROOT);
    }

    /** The path of leader {@code k} of state {@code state}: {@code person/gen-leader-1-2}. */
    public static String personPath(int state, int k) {
        return "person/gen-leader-" + state + "-" + k;
    }

    private static Node state(int i) {
        return iri(statePath(i));
    }

    private static Node person(int state, int k) {
        return iri(personPath(state, k));
    }

    /** A three-letter code, unique per index (AAA, AAB, ...). */
    static String code(int i) {
        char[] c = new char[3];
        for (int k = 2; k >= 0; k--) {
            c[k] = (char) ('A' + i % 26);
            i /= 26;
        }
        return new String(c);
    }

    private static Node iri(String local) {
        return NodeFactory.createURI(ID + local);
    }

    private static Node concept(String scheme, String slug) {
        return NodeFactory.createURI(CONCEPT + scheme + "/" + slug);
    }

    private static Node lit(String s, String lang) {
        return NodeFactory.createLiteralLang(s, lang);
    }

    private static Node date(int y, int m, int d) {
        return NodeFactory.createLiteralDT(String.format("%04d-%02d-%02d", y, m, d), XSDDatatype.XSDdate);
    }

    private static final class Sink {
        private final StreamRDF out;
        private long count;

        Sink(StreamRDF out) {
            this.out = out;
        }

        void add(Node g, Node s, Node p, Node o) {
            out.quad(Quad.create(g, s, p, o));
            count++;
        }
    }

    /** Settings of a {@link Generator}. */
    public static final class Builder {
        private long triples = 1_000_000;
        private long seed = 42;
        private long firstArticle = 0;

        private Builder() {}

        /** About how many triples to make (the last source is finished, so a few more). */
        public Builder triples(long n) {
            if (n < 1)
                throw new EntenteException("--triples must be positive");
            this.triples = n;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Makes more news for data made before: articles numbered from {@code first} (0, the default,
         * also makes the reference data of states, offices and leaders, which later articles refer to).
         */
        public Builder firstArticle(long first) {
            if (first < 0)
                throw new EntenteException("the first article number must not be negative");
            this.firstArticle = first;
            return this;
        }

        public Generator build() {
            return new Generator(triples, seed, firstArticle);
        }
    }
}
