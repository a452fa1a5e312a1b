package org.entente.world;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.TreeSet;

import com.ibm.icu.impl.ICUData;
import com.ibm.icu.impl.ICUResourceBundle;
import com.ibm.icu.util.LocaleData;
import com.ibm.icu.util.Region;
import com.ibm.icu.util.ULocale;
import com.ibm.icu.util.UResourceBundle;
import com.ibm.icu.util.VersionInfo;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.entente.load.GeneratedSeed;
import org.entente.load.SourceFileLib;
import org.entente.sys.EntenteException;
import org.entente.sys.EntenteSys;
import org.entente.vocab.ENT;

/**
 * Every country and territory that Unicode CLDR names, read from ICU4J's copy of CLDR and nothing
 * else: codes, names in nine languages (the six UN languages, Korean, Japanese, German) with CLDR's
 * short and variant forms, world region and sub-region, and membership of the United Nations and the
 * European Union as CLDR groups them. All of it in the graph {@code .../source/cldr}, which names the
 * CLDR and ICU versions.
 * <pre>
 *   SeedLib.sync(dsg, home, List.of(CldrWorld.create()));
 * </pre>
 * A territory's IRI is {@code .../id/state/{slug}}, the slug its lowercase ISO 3166-1 alpha-3 code, or,
 * for the few CLDR territories that ISO has not assigned (Kosovo, Ceuta and Melilla...), its lowercase
 * CLDR code. ISO codes are recorded only where ISO assigned them: a numeric code below 900 (900 to 999
 * are for private use, where ICU puts Kosovo).
 */
public final class CldrWorld implements GeneratedSeed {

    /** The languages of the names: the six of the United Nations, then Korean, Japanese and German. */
    public static final List<String> LANGUAGES = List.of("ar", "zh", "en", "fr", "ru", "es", "ko", "ja", "de");
    /** The graph, and the source it describes. */
    public static final String SOURCE = EntenteSys.ID_BASE + "source/cldr";
    /** CLDR's groupings read as memberships, by organisation slug. */
    private static final List<String[]> GROUPINGS = List.of(new String[] { "UN", "un" }, new String[] { "EU", "eu" });

    private static final String MEMBER = EntenteSys.ID_BASE + "concept/membership-role/member";
    private static final String REFERENCE = EntenteSys.ID_BASE + "concept/certainty/reference";
    private static final String SCHEMA = "https://schema.org/";

    private final Node graph = uri(SOURCE);
    private final DatasetGraph out = DatasetGraphFactory.create();
    /** Each language's CLDR region names, read once. */
    private final java.util.Map<String, UResourceBundle> names = new java.util.HashMap<>();

    private CldrWorld() {}

    public static CldrWorld create() {
        return new CldrWorld();
    }

    /** The CLDR version ICU4J carries, such as 48.0. */
    public static String cldrVersion() {
        VersionInfo v = LocaleData.getCLDRVersion();
        return v.getMajor() + "." + v.getMinor();
    }

    /** The ICU4J version, such as 78.1. */
    public static String icuVersion() {
        VersionInfo v = VersionInfo.ICU_VERSION;
        return v.getMajor() + "." + v.getMinor();
    }

    @Override
    public String key() {
        return "generated/cldr.nq";
    }

    @Override
    public String fingerprint() {
        try (java.io.InputStream code = CldrWorld.class.getResourceAsStream("CldrWorld.class")) {
            String generator = code == null ? "" : SourceFileLib.sha256(code.readAllBytes());
            return SourceFileLib.sha256("CLDR " + cldrVersion() + "; ICU4J " + VersionInfo.ICU_VERSION + "; generator " + generator);
        } catch (java.io.IOException ex) {
            throw new EntenteException("Cannot read the generator's own class", ex);
        }
    }

    @Override
    public byte[] nquads() {
        out.clear();
        describeSource();
        for (String[] g : GROUPINGS)
            organization(g[0], g[1]);
        TreeSet<String> regions = new TreeSet<>();
        for (Region r : Region.getAvailable(Region.RegionType.TERRITORY))
            territory(r, regions);
        for (String code : regions)
            region(code);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        RDFDataMgr.write(bytes, out, Lang.NQUADS);
        List<String> lines = new ArrayList<>(List.of(bytes.toString(StandardCharsets.UTF_8).split("\n")));
        Collections.sort(lines);
        return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private void describeSource() {
        add(graph, RDF.type.asNode(), ENT.node(ENT.Source));
        add(graph, RDF.type.asNode(), uri(SCHEMA + "Dataset"));
        add(graph, RDFS.label.asNode(), en("Unicode CLDR " + cldrVersion() + " (through ICU4J " + icuVersion() + ")"));
        add(graph, DCTerms.description.asNode(), en("Countries and territories with their codes, names in nine languages, world regions "
            + "and the United Nations and European Union groupings, as the Unicode Common Locale Data Repository gives them; "
            + "read from ICU4J " + icuVersion() + " when the store is seeded."));
        add(graph, DCTerms.source.asNode(), uri("https://cldr.unicode.org/"));
        add(graph, uri(SCHEMA + "version"), NodeFactory.createLiteralString(cldrVersion()));
        add(graph, ENT.node(ENT.certainty), uri(REFERENCE));
    }

    private void organization(String code, String slug) {
        Node org = uri(EntenteSys.ID_BASE + "organization/" + slug);
        add(org, RDF.type.asNode(), ENT.node(ENT.Organization));
        labels(org, code, RDFS.label.asNode());
    }

    private void territory(Region r, TreeSet<String> regions) {
        String code = r.toString();
        ULocale place = new ULocale("und", code);
        int numeric = r.getNumericCode();
        String iso3 = place.getISO3Country();
        boolean iso = numeric > 0 && numeric < 900 && iso3.length() == 3;
        String slug = (iso ? iso3 : code).toLowerCase(Locale.ROOT);
        Node t = uri(EntenteSys.ID_BASE + "state/" + slug);
        add(t, RDF.type.asNode(), ENT.node(ENT.Territory));
        add(t, ENT.node(ENT.cldrCode), NodeFactory.createLiteralString(code));
        if (iso) {
            add(t, ENT.node(ENT.isoAlpha2), NodeFactory.createLiteralString(code));
            add(t, ENT.node(ENT.isoAlpha3), NodeFactory.createLiteralString(iso3));
            add(t, ENT.node(ENT.isoNumeric), NodeFactory.createLiteralString(String.format(Locale.ROOT, "%03d", numeric)));
        }
        labels(t, code, RDFS.label.asNode());
        for (String lang : LANGUAGES)
            for (String alt : new String[] { "Countries%short", "Countries%variant" })
                alternative(lang, alt, code).ifPresent(name -> {
                    if (!name.equals(name(lang, code)))
                        add(t, SKOS.altLabel.asNode(), NodeFactory.createLiteralLang(name, lang));
                });
        Region sub = r.getContainingRegion();
        Region continent = r.getContainingRegion(Region.RegionType.CONTINENT);
        if (sub != null && sub.getType() == Region.RegionType.SUBCONTINENT) {
            add(t, ENT.node(ENT.subregion), regionNode(sub.toString()));
            regions.add(sub.toString());
        }
        if (continent != null) {
            add(t, ENT.node(ENT.region), regionNode(continent.toString()));
            regions.add(continent.toString());
        }
        for (String[] g : GROUPINGS)
            if (Region.getInstance(g[0]).contains(r)) {
                Node m = uri(EntenteSys.ID_BASE + "membership/" + slug + "-" + g[1]);
                add(m, RDF.type.asNode(), ENT.node(ENT.Membership));
                add(m, ENT.node(ENT.member), t);
                add(m, ENT.node(ENT.organization), uri(EntenteSys.ID_BASE + "organization/" + g[1]));
                add(m, ENT.node(ENT.membershipRole), uri(MEMBER));
            }
    }

    private void region(String code) {
        Node n = regionNode(code);
        add(n, RDF.type.asNode(), ENT.node(ENT.Region));
        add(n, ENT.node(ENT.cldrCode), NodeFactory.createLiteralString(code));
        labels(n, code, RDFS.label.asNode());
    }

    private static Node regionNode(String code) {
        return uri(EntenteSys.ID_BASE + "region/" + code);
    }

    /** The CLDR names of a region code in every language, where CLDR has one. */
    private void labels(Node subject, String code, Node property) {
        for (String lang : LANGUAGES) {
            String name = name(lang, code);
            if (!name.isEmpty() && !name.equals(code))
                add(subject, property, NodeFactory.createLiteralLang(name, lang));
        }
    }

    private UResourceBundle bundle(String lang) {
        return names.computeIfAbsent(lang, l -> UResourceBundle.getBundleInstance(ICUData.ICU_REGION_BASE_NAME, new ULocale(l)));
    }

    /** A region's CLDR name in a language (with CLDR's fallback to a parent locale), or "" when it has none. */
    private String name(String lang, String code) {
        try {
            return ((ICUResourceBundle) bundle(lang)).getWithFallback("Countries/" + code).getString();
        } catch (MissingResourceException ex) {
            return "";
        }
    }

    /** A name of CLDR's {@code alt="short"} or {@code alt="variant"} forms. */
    private java.util.Optional<String> alternative(String lang, String table, String code) {
        try {
            return java.util.Optional.of(((ICUResourceBundle) bundle(lang)).getWithFallback(table + "/" + code).getString());
        } catch (MissingResourceException ex) {
            return java.util.Optional.empty();
        }
    }

    private void add(Node s, Node p, Node o) {
        out.add(graph, s, p, o);
    }

    private static Node uri(String iri) {
        return NodeFactory.createURI(iri);
    }

    private static Node en(String text) {
        return NodeFactory.createLiteralLang(text, "en");
    }
}
