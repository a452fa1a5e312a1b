package org.entente.generate;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.SKOS;
import org.entente.sys.EntenteException;

/**
 * A deterministic generator of GDELT event files, for the import benchmark and tests: rows laid out
 * as GDELT's codebook describes them (61 tab-separated columns for a 2.0 export, 58 for a 1.0 daily
 * file; no header), with the shapes of real files. The same settings give the same bytes.
 * <pre>
 *   GdeltGenerator.create().events(150_000).seed(42).build().write(Path.of("20250301.export.CSV.zip"));
 * </pre>
 * What the rows look like:
 * <ul>
 * <li>actors: about four in five are states or a state's part (USAGOV, CHNMIL), drawn from about 250
 *     ISO alpha-3 codes with a heavy head (USA, CHN, RUS, GBR...); the rest are empty, regions (EUR,
 *     AFR), international bodies (IGOUNO) or bare types (REB, MED, BUS);</li>
 * <li>event codes: from {@code ontology/cameo.ttl}, their roots skewed toward verbal cooperation (01 to
 *     05) with a tail of conflict; QuadClass follows the root and the Goldstein score the code (one
 *     score per code, its sign that of the quad class);</li>
 * <li>mentions, sources and articles: small whole numbers with a long tail; tone between -10 and 10;</li>
 * <li>places: a fixed set of places per country (name, FIPS code, ADM1, coordinates, feature id),
 *     the same feature id always with the same values; for actors and for the action;</li>
 * <li>source URLs: one article gives several events in a row, and some articles come back later.</li>
 * </ul>
 * Most rows are dated on the file's day; some report earlier days, as GDELT's do. With a pair set
 * ({@link Builder#pair}), that share of the events is between those two states, spread over
 * {@link Builder#days} days: a dyad with many events, for the page benchmark.
 */
public final class GdeltGenerator {
    private static final String CAMEO = "https://w3id.org/entente/id/concept/cameo/";
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter ADDED = DateTimeFormatter.ofPattern("uuuuMMddHHmmss");
    /** The states that most news is about, most first; the other ISO codes follow, alphabetically. */
    private static final List<String> HEAD = List.of("USA", "CHN", "RUS", "GBR", "UKR", "ISR", "IND", "FRA", "DEU", "IRN", "JPN", "PAK",
                                                     "TUR", "CAN", "AUS", "PSE", "KOR", "PRK", "SYR", "SAU", "ITA", "BRA", "MEX", "NGA",
                                                     "ZAF", "EGY", "AFG", "IRQ", "ESP", "PHL");
    /** FIPS 10-4 country codes where they differ from ISO alpha-2 (GDELT's places use FIPS). */
    private static final Map<String, String> FIPS = Map.ofEntries(
        Map.entry("CHN", "CH"), Map.entry("RUS", "RS"), Map.entry("GBR", "UK"), Map.entry("UKR", "UP"), Map.entry("ISR", "IS"),
        Map.entry("IND", "IN"), Map.entry("DEU", "GM"), Map.entry("JPN", "JA"), Map.entry("TUR", "TU"), Map.entry("AUS", "AS"),
        Map.entry("PSE", "WE"), Map.entry("KOR", "KS"), Map.entry("PRK", "KN"), Map.entry("SAU", "SA"), Map.entry("NGA", "NI"),
        Map.entry("ZAF", "SF"), Map.entry("IRQ", "IZ"), Map.entry("ESP", "SP"), Map.entry("PHL", "RP"), Map.entry("DNK", "DA"),
        Map.entry("SWE", "SW"), Map.entry("CHE", "SZ"), Map.entry("AUT", "AU"), Map.entry("VNM", "VM"), Map.entry("POL", "PL"));
    private static final List<String> REGIONS = List.of("EUR", "AFR", "MEA", "ASA", "LAM", "WST", "SAS", "EEU");
    private static final List<String[]> BODIES = List.of(new String[] { "IGOUNO", "UNITED NATIONS" },
        new String[] { "IGOEEC", "EUROPEAN UNION" }, new String[] { "IGONAT", "NATO" }, new String[] { "IGOWTO", "WORLD TRADE ORGANIZATION" });
    private static final List<String[]> BARE = List.of(new String[] { "REB", "REBEL" }, new String[] { "MED", "JOURNALIST" },
        new String[] { "BUS", "COMPANY" }, new String[] { "CVL", "CIVILIAN" }, new String[] { "COP", "POLICE" },
        new String[] { "GOV", "GOVERNMENT" }, new String[] { "OPP", "OPPOSITION" }, new String[] { "EDU", "STUDENT" });
    private static final List<String> TYPES = List.of("GOV", "MIL", "BUS", "MED", "OPP", "COP", "LEG", "JUD", "CVL", "ELI");
    /** How often each root code (01 to 20) comes up, per thousand events: mostly talk, a tail of force. */
    private static final int[] ROOT_WEIGHTS = { 120, 75, 95, 200, 100, 40, 30, 28, 18, 22, 60, 20, 18, 22, 10, 15, 50, 35, 40, 2 };
    /** A typical Goldstein score of each root code; the codes under it spread around it. */
    private static final double[] ROOT_GOLDSTEIN = { 0.0, 3.0, 4.0, 1.0, 3.5, 6.0, 7.0, 5.0, -2.0, -5.0, -2.0, -4.0, -6.0, -6.5,
                                                     -7.2, -4.0, -7.0, -9.0, -10.0, -10.0 };
    private static final int PLACES_PER_COUNTRY = 24;
    private static final List<String> SITES = sites();
    private static final Map<String, String> ALPHA2 = alpha2Table();
    private static final List<String> SECTIONS = List.of("world", "politics", "news", "asia", "europe", "africa", "americas", "business");

    private final long events;
    private final long seed;
    private final int version;
    private final LocalDate day;
    private final int days;
    private final String[] pair;
    private final double pairShare;
    private final long firstId;

    private GdeltGenerator(Builder b) {
        this.events = b.events;
        this.seed = b.seed;
        this.version = b.version;
        this.day = b.day;
        this.days = b.days;
        this.pair = b.pair;
        this.pairShare = b.pairShare;
        this.firstId = b.firstId;
    }

    public static Builder create() {
        return new Builder();
    }

    /** Writes the rows; zipped (one entry, the name without {@code .zip}) when the name ends in {@code .zip}. Returns the row count. */
    public long write(Path out) {
        String name = out.getFileName().toString();
        boolean zip = name.toLowerCase(Locale.ROOT).endsWith(".zip");
        try {
            // A folder named in --out that does not exist yet is made, as `ingest --out` does.
            Files.createDirectories(out.toAbsolutePath().getParent());
        } catch (IOException ex) {
            throw new EntenteException("Cannot make the folder of " + out + ": " + ex.getMessage(), ex);
        }
        try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
            if (!zip)
                return write(raw);
            try (ZipOutputStream z = new ZipOutputStream(raw)) {
                z.putNextEntry(new ZipEntry(name.substring(0, name.length() - 4)));
                long n = write(z);
                z.closeEntry();
                return n;
            }
        } catch (IOException ex) {
            throw new EntenteException("Cannot write " + out + ": " + ex.getMessage(), ex);
        }
    }

    /** Writes the rows to a stream (left open); returns the row count. */
    public long write(OutputStream os) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8), 1 << 16);
        Rows rows = new Rows(new SplittableRandom(seed));
        StringBuilder line = new StringBuilder(512);
        for (long i = 0; i < events; i++) {
            line.setLength(0);
            rows.row(i, line);
            w.append(line).append('\n');
        }
        w.flush();
        return events;
    }

    /** The state of one generation: the random source, the tables and the article in hand. */
    private final class Rows {
        private final SplittableRandom rnd;
        private final List<String> countries = countries();
        private final double[] countryCumulative;
        private final Map<String, String> names = countryNames();
        private final Map<String, Integer> countryIndex = new java.util.HashMap<>();
        /** Each country's FIPS code, made unique where the alpha-2 stand-in would clash with a real one. */
        private final Map<String, String> fipsOf = new java.util.HashMap<>();
        private final List<List<String>> codesByRoot = cameoCodes();
        private final int rootTotal = java.util.Arrays.stream(ROOT_WEIGHTS).sum();
        private final List<String> recentUrls = new ArrayList<>();
        private String url;
        private long articleNo;

        Rows(SplittableRandom rnd) {
            this.rnd = rnd;
            countryCumulative = new double[countries.size()];
            Set<String> used = new java.util.HashSet<>(FIPS.values());
            for (int i = 0; i < countries.size(); i++) {
                String c = countries.get(i);
                countryIndex.put(c, i);
                String f = FIPS.get(c);
                if (f == null) {
                    f = alpha2(c);
                    for (int k = 0; !used.add(f); k++)
                        f = c.charAt(0) + Character.toString('0' + k % 10);
                }
                fipsOf.put(c, f);
            }
            double sum = 0;
            for (int i = 0; i < countries.size(); i++)
                countryCumulative[i] = sum += 1 / Math.pow(i + 1, 1.1);
        }

        void row(long i, StringBuilder b) {
            boolean inPair = pair != null && rnd.nextDouble() < pairShare;
            LocalDate date = inPair ? day.minusDays(rnd.nextInt(days)) : rnd.nextInt(10) == 0 ? day.minusDays(1 + rnd.nextInt(365)) : day;
            String[] a1 = inPair ? stateActor(pair[rnd.nextInt(2) == 0 ? 0 : 1]) : actor();
            String[] a2 = inPair ? stateActor(a1[2].equals(pair[0]) ? pair[1] : pair[0]) : rnd.nextInt(8) == 0 ? empty(10) : actor();
            int root = root();
            List<String> codes = codesByRoot.get(root - 1);
            // The root's own base code (040) is the most frequent of its codes.
            String code = rnd.nextInt(3) == 0 || codes.size() == 1 ? codes.get(0) : codes.get(1 + rnd.nextInt(codes.size() - 1));
            String rootCode = code.substring(0, 2);
            int articles = 1 + longTail(0.45, 200);
            int sources = 1 + Math.min(articles - 1, longTail(0.6, 50));
            int mentions = articles + longTail(0.5, 400);
            double tone = Math.max(-10, Math.min(10, rnd.nextGaussian() * 3.5 + (root <= 9 ? -0.5 : -3.5)));
            col(b, firstId + i).col(b, date.format(DAY)).col(b, date.format(DAY).substring(0, 6)).col(b, date.getYear());
            col(b, String.format(Locale.ROOT, "%.4f", date.getYear() + (date.getDayOfYear() - 1) / 365.0));
            for (String s : a1)
                col(b, s);
            for (String s : a2)
                col(b, s);
            col(b, rnd.nextInt(5) < 3 ? 1 : 0).col(b, code).col(b, code.substring(0, 3)).col(b, rootCode).col(b, quadClass(root));
            col(b, goldstein(code)).col(b, mentions).col(b, sources).col(b, articles).col(b, tone(tone));
            geo(b, a1[2]);
            geo(b, a2[2]);
            geo(b, rnd.nextInt(10) < 9 ? (a1[2].isEmpty() ? a2[2] : a1[2]) : pick(countries));
            LocalDateTime added = day.atStartOfDay().plusMinutes(15L * (int) (i * 96 / Math.max(1, events)));
            col(b, version == 2 ? added.format(ADDED) : day.format(DAY));
            b.append(url(date));
        }

        /** A state actor, or a part of one (its government, army...), or a region, a body, a bare type, or nobody. */
        private String[] actor() {
            int r = rnd.nextInt(100);
            if (r < 80)
                return stateActor(country());
            if (r < 86)
                return empty(10);
            if (r < 91) {
                String region = pick(REGIONS);
                return actor(region, region, region, "", "");
            }
            if (r < 94) {
                String[] body = BODIES.get(rnd.nextInt(BODIES.size()));
                return actor(body[0], body[1], "", body[0].substring(3), "");
            }
            String[] bare = BARE.get(rnd.nextInt(BARE.size()));
            return actor(bare[0], bare[1], "", "", bare[0]);
        }

        private String[] stateActor(String country) {
            if (rnd.nextInt(10) < 6)
                return actor(country, names.getOrDefault(country, country), country, "", "");
            String type = pick(TYPES);
            return actor(country + type, names.getOrDefault(country, country), country, "", type);
        }

        /** The ten columns of an actor: code, name, country, known group, ethnic, religion 1 and 2, types 1 to 3. */
        private String[] actor(String code, String name, String country, String group, String type) {
            return new String[] { code, name, country, group, "", "", "", type, "", "" };
        }

        private String[] empty(int n) {
            String[] out = new String[n];
            java.util.Arrays.fill(out, "");
            return out;
        }

        private String country() {
            double x = rnd.nextDouble() * countryCumulative[countryCumulative.length - 1];
            int i = java.util.Arrays.binarySearch(countryCumulative, x);
            return countries.get(Math.min(countries.size() - 1, i < 0 ? -i - 1 : i));
        }

        private int root() {
            int x = rnd.nextInt(rootTotal);
            for (int r = 0; r < ROOT_WEIGHTS.length; r++)
                if ((x -= ROOT_WEIGHTS[r]) < 0)
                    return r + 1;
            return 1;
        }

        /** 0, 1, 2... each less likely than the last, with now and then a large value, capped. */
        private int longTail(double p, int cap) {
            int n = 0;
            while (n < cap && rnd.nextDouble() > p)
                n++;
            if (rnd.nextInt(200) == 0)
                n += rnd.nextInt(cap);
            return Math.min(n, cap);
        }

        /**
         * A geography block: type, full name, FIPS country, ADM1, [ADM2,] lat, long, feature id; empty
         * when there is no country. A place is one of a fixed few per country, always with the same values.
         */
        private void geo(StringBuilder b, String country) {
            int cols = version == 2 ? 8 : 7;
            if (!fipsOf.containsKey(country) || rnd.nextInt(12) == 0) {
                for (int k = 0; k < cols; k++)
                    b.append('\t');
                return;
            }
            int k = rnd.nextInt(PLACES_PER_COUNTRY);
            String fips = fipsOf.get(country);
            String name = names.getOrDefault(country, country);
            String title = titleCase(name);
            // Each place's coordinates come from its code, not from the random stream: the same place, the same values.
            SplittableRandom at = new SplittableRandom(country.hashCode() * 31L + k);
            double lat = Math.round((at.nextDouble() * 140 - 60) * 10_000) / 10_000.0;
            double lon = Math.round((at.nextDouble() * 360 - 180) * 10_000) / 10_000.0;
            boolean whole = k == 0;
            col(b, whole ? 1 : 4).col(b, whole ? title : "Town " + k + ", Province " + (k % 5) + ", " + title).col(b, fips);
            col(b, whole ? fips : fips + String.format(Locale.ROOT, "%02d", k % 5));
            if (version == 2)
                col(b, whole ? "" : Integer.toString(10_000 + k));
            col(b, Double.toString(lat)).col(b, Double.toString(lon));
            col(b, whole ? fips : Long.toString(-1_000_000L - countryIndex.get(country) * 100L - k));
        }

        /** The first article's URL: the same article for a few events in a row, and sometimes an earlier one again. */
        private String url(LocalDate date) {
            if (url == null || rnd.nextInt(10) < 3) {
                if (!recentUrls.isEmpty() && rnd.nextInt(10) == 0)
                    return recentUrls.get(rnd.nextInt(recentUrls.size()));
                url = "https://" + pick(SITES) + "/" + pick(SECTIONS) + "/" + date.format(DAY) + "/story-" + (++articleNo);
                if (recentUrls.size() < 1_000)
                    recentUrls.add(url);
                else
                    recentUrls.set(rnd.nextInt(1_000), url);
            }
            return url;
        }

        private <T> T pick(List<T> l) {
            return l.get(rnd.nextInt(l.size()));
        }

        private Rows col(StringBuilder b, Object v) {
            b.append(v).append('\t');
            return this;
        }
    }

    /** "UNITED STATES" to "United States". */
    private static String titleCase(String name) {
        StringBuilder b = new StringBuilder(name.length());
        boolean start = true;
        for (char c : name.toCharArray()) {
            b.append(start ? c : Character.toLowerCase(c));
            start = !Character.isLetter(c);
        }
        return b.toString();
    }

    private static int quadClass(int root) {
        return root <= 5 ? 1 : root <= 9 ? 2 : root <= 14 ? 3 : 4;
    }

    /** One score per code: the root's, moved a little by the code's own digits, with the quad class's sign. */
    static String goldstein(String code) {
        int root = Integer.parseInt(code.substring(0, 2));
        double base = ROOT_GOLDSTEIN[root - 1];
        double shift = (Math.floorMod(code.hashCode(), 21) - 10) / 10.0;
        double g = Math.max(-10, Math.min(10, base + shift));
        g = quadClass(root) <= 2 ? Math.max(0, g) : Math.min(-0.1, g);
        return String.format(Locale.ROOT, "%.1f", g);
    }

    private static String tone(double t) {
        return String.format(Locale.ROOT, "%.10f", t);
    }

    /** The ISO alpha-3 codes: the head first, then the others alphabetically. */
    private static List<String> countries() {
        Set<String> all = new LinkedHashSet<>(HEAD);
        new TreeMap<>(countryNames()).keySet().forEach(all::add);
        return List.copyOf(all);
    }

    /** ISO alpha-3 code to an upper-case English name, as GDELT writes actor names. */
    private static Map<String, String> countryNames() {
        Map<String, String> out = new TreeMap<>();
        for (String a2 : Locale.getISOCountries()) {
            Locale l = new Locale("", a2);
            try {
                out.put(l.getISO3Country(), l.getDisplayCountry(Locale.ENGLISH).toUpperCase(Locale.ROOT));
            } catch (java.util.MissingResourceException ex) {
                // A code with no alpha-3 form: not a country GDELT codes.
            }
        }
        return out;
    }

    private static String alpha2(String alpha3) {
        return ALPHA2.getOrDefault(alpha3, alpha3.substring(0, 2));
    }

    /** ISO alpha-3 to alpha-2, for the countries whose FIPS code is their alpha-2 code. */
    private static Map<String, String> alpha2Table() {
        Map<String, String> out = new java.util.HashMap<>();
        for (String a2 : Locale.getISOCountries()) {
            try {
                out.put(new Locale("", a2).getISO3Country(), a2);
            } catch (java.util.MissingResourceException ex) {
                // No alpha-3 form.
            }
        }
        return Map.copyOf(out);
    }

    /** The event codes of {@code ontology/cameo.ttl} by root (01 to 20), each list led by the root's base code (010...). */
    private static List<List<String>> cameoCodes() {
        Graph g = GraphFactory.createDefaultGraph();
        try (InputStream in = GdeltGenerator.class.getClassLoader().getResourceAsStream("ontology/cameo.ttl")) {
            if (in == null)
                throw new EntenteException("Missing resource ontology/cameo.ttl");
            RDFParser.source(in).lang(Lang.TURTLE).parse(g);
        } catch (IOException ex) {
            throw new EntenteException("Cannot read ontology/cameo.ttl: " + ex.getMessage(), ex);
        }
        List<List<String>> byRoot = new ArrayList<>();
        for (int r = 1; r <= 20; r++)
            byRoot.add(new ArrayList<>());
        g.find(Node.ANY, SKOS.notation.asNode(), Node.ANY).forEach(t -> {
            String code = t.getObject().getLiteralLexicalForm();
            if (t.getSubject().getURI().startsWith(CAMEO) && code.length() >= 3 && code.chars().allMatch(Character::isDigit))
                byRoot.get(Integer.parseInt(code.substring(0, 2)) - 1).add(code);
        });
        for (List<String> l : byRoot) {
            l.sort(null);
            if (l.isEmpty())
                throw new EntenteException("ontology/cameo.ttl has a root code with no event code under it");
        }
        return byRoot;
    }

    private static List<String> sites() {
        List<String> out = new ArrayList<>();
        String[] words = { "daily", "herald", "times", "post", "wire", "courier", "tribune", "observer", "gazette", "chronicle" };
        for (String a : words)
            for (String c : new String[] { "north", "south", "east", "west", "city" })
                out.add("www." + c + a + ".example");
        return List.copyOf(out);
    }

    /** Settings of a {@link GdeltGenerator}. */
    public static final class Builder {
        private long events = 2_500;
        private long seed = 42;
        private int version = 2;
        private LocalDate day = LocalDate.of(2025, 3, 1);
        private int days = 365;
        private String[] pair;
        private double pairShare = 0;
        private long firstId = 1_230_000_000L;

        private Builder() {}

        /** How many rows (default 2,500: about one 15-minute update). */
        public Builder events(long n) {
            this.events = n;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** 2 for a 2.0 export (61 columns, the default) or 1 for a 1.0 daily file (58 columns). */
        public Builder version(int version) {
            if (version != 1 && version != 2)
                throw new IllegalArgumentException("GDELT version 1 or 2, not " + version);
            this.version = version;
            return this;
        }

        /** The file's day (default 2025-03-01). */
        public Builder day(LocalDate day) {
            this.day = Objects.requireNonNull(day);
            return this;
        }

        /** Over how many days before the file's day the pair's events are spread (default 365). */
        public Builder days(int days) {
            this.days = Math.max(1, days);
            return this;
        }

        /** Two CAMEO country codes and the share of events between them (0 to 1). */
        public Builder pair(String a, String b, double share) {
            this.pair = new String[] { a, b };
            this.pairShare = share;
            return this;
        }

        /** The first GLOBALEVENTID (the next rows count up from it). */
        public Builder firstId(long id) {
            this.firstId = id;
            return this;
        }

        public GdeltGenerator build() {
            return new GdeltGenerator(this);
        }
    }
}
