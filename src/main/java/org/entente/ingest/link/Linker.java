package org.entente.ingest.link;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.entente.ingest.text.ParsedText;
import org.entente.ingest.text.Sentence;
import org.entente.ingest.text.Token;
import org.entente.sys.EntenteSys;

/**
 * Finds the mentions of states, leaders, organisations, groups, places and events in an article and
 * links each to a thing of the store, or proposes a new thing.
 * <p>
 * Longest match first over the folded words of each sentence, starting at a capitalised word (or
 * "the" before one: "the Kremlin"). A name that names several things is settled by its context (after
 * "in", "at", "to" a place; otherwise the agent: "Beijing praised" is China's government), the others
 * kept as alternatives. A person named in full is afterwards found by surname or given name alone
 * ("Kim"); a state's demonym or possessive before "leader" or "president" with no name after it is
 * whoever held that state's office on the article's date. A run of capitalised proper nouns that
 * matches nothing is a proposed new person, organisation or place when its context says which.
 */
public final class Linker {
    private static final int MAX_WORDS = 8;
    private static final Set<String> LOCATIVE = Set.of("in", "at", "to", "from", "into", "near", "outside", "inside", "across", "toward", "towards");
    private static final Set<String> ROLE_WORDS = Set.of("leader", "president", "premier", "chancellor", "king", "monarch", "emperor");
    private static final Set<String> TITLES = Set.of("president", "prime", "minister", "chancellor", "king", "queen", "premier", "leader",
        "official", "envoy", "ambassador", "secretary", "general", "chairman", "spokesperson", "spokesman", "spokeswoman", "mr", "mrs", "ms",
        "dr", "senator", "governor", "mayor", "vice", "foreign", "defence", "defense");
    private static final Set<String> ORG_WORDS = Set.of("ministry", "party", "council", "agency", "organization", "organisation",
        "union", "committee", "bank", "fund", "office", "department", "assembly", "parliament", "congress", "commission", "army", "forces");
    private static final Set<String> CALENDAR = Set.of("january", "february", "march", "april", "may", "june", "july", "august",
        "september", "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday");
    private static final Map<String, Integer> KIND_ORDER = Map.of("person", 0, "state", 1, "organization", 2, "group", 3, "event", 4, "place", 5);

    private final Gazetteer gazetteer;
    private final LocalDate day;

    public Linker(Gazetteer gazetteer, LocalDate day) {
        this.gazetteer = gazetteer;
        this.day = day;
    }

    /** The mentions of every sentence, in the article's order. */
    public List<List<Mention>> link(ParsedText text) {
        Map<String, Thing> aliases = new HashMap<>();
        Map<String, Thing> proposed = new LinkedHashMap<>();
        List<List<Mention>> out = new ArrayList<>();
        for (Sentence s : text.sentences())
            out.add(sentence(text.text(), s, aliases, proposed));
        return out;
    }

    private List<Mention> sentence(String text, Sentence s, Map<String, Thing> aliases, Map<String, Thing> proposed) {
        List<Token> t = s.tokens();
        List<Mention> found = new ArrayList<>();
        int i = 0;
        while (i < t.size()) {
            Mention m = startsAt(text, s, i, aliases);
            if (m == null) {
                i++;
                continue;
            }
            found.add(m);
            if (m.thing().kind().equals("person"))
                remember(m.thing(), aliases);
            i = m.lastToken() + 1;
        }
        found = roles(text, s, found);
        found.addAll(proposals(text, s, found, aliases, proposed));
        found.sort(Comparator.comparingInt(Mention::begin));
        return found;
    }

    /** The longest known name starting at word i, or null. */
    private Mention startsAt(String text, Sentence s, int i, Map<String, Thing> aliases) {
        List<Token> t = s.tokens();
        Token first = t.get(i);
        boolean the = first.lower().equals("the") && i + 1 < t.size() && t.get(i + 1).capitalized();
        if (!first.capitalized() && !the)
            return null;
        for (int j = Math.min(t.size(), i + MAX_WORDS) - 1; j >= i; j--) {
            if (!spanOk(t, i, j))
                continue;
            if (j == i && the)
                continue;
            String surface = text.substring(t.get(i).begin(), t.get(j).end());
            if (j == i && !first.capitalized())
                continue;
            List<Gazetteer.Entry> hits = gazetteer.lookup(Folding.key(surface)).stream()
                .filter(e -> caseOk(e, surface))
                .toList();
            if (!hits.isEmpty())
                return choose(s, i, j, surface, hits, t.get(i).begin(), t.get(j).end());
        }
        if (the)
            return null;
        String word = Folding.key(first.text());
        Thing alias = aliases.get(word);
        if (alias != null && first.capitalized())
            return new Mention(s.index(), i, i, first.begin(), first.end(), first.text(), alias, List.of(), 0.85, "alias");
        if (first.capitalized() && first.text().length() > 1 && !first.possessive()) {
            List<Thing> people = gazetteer.withWord(word).stream()
                .filter(e -> e.thing().kind().equals("person") && e.via().equals("label"))
                .filter(e -> {
                    List<String> w = Folding.words(e.name());
                    return w.size() > 1 && (w.get(0).equals(word) || w.get(w.size() - 1).equals(word));
                })
                .map(Gazetteer.Entry::thing).distinct().toList();
            if (!people.isEmpty())
                return new Mention(s.index(), i, i, first.begin(), first.end(), first.text(), people.get(0),
                                   people.subList(1, people.size()), people.size() == 1 ? 0.6 : 0.35, "surname");
        }
        return null;
    }

    private static boolean spanOk(List<Token> t, int i, int j) {
        if (t.get(j).possessive() || t.get(i).possessive())
            return false;
        for (int k = i; k <= j; k++) {
            Token x = t.get(k);
            boolean word = Character.isLetterOrDigit(x.text().codePointAt(0)) || x.possessive()
                           || (x.text().startsWith("-") && (k > i)) || x.text().equals(".") && k < j;
            if (!word)
                return false;
        }
        return true;
    }

    /** A code or a name of three letters or fewer ("US", "UK") only matches as written: "us" is a pronoun. */
    private static boolean caseOk(Gazetteer.Entry e, String surface) {
        if (e.via().equals("code") || e.name().length() <= 3)
            return e.name().equals(surface);
        return true;
    }

    private Mention choose(Sentence s, int i, int j, String surface, List<Gazetteer.Entry> hits, int begin, int end) {
        boolean locative = i > 0 && LOCATIVE.contains(s.tokens().get(i - 1).lower());
        Map<String, Gazetteer.Entry> byThing = new LinkedHashMap<>();
        for (Gazetteer.Entry e : hits)
            byThing.merge(e.thing().iri(), e, (a, b) -> rank(a.via()) <= rank(b.via()) ? a : b);
        List<Gazetteer.Entry> ranked = new ArrayList<>(byThing.values());
        ranked.sort(Comparator.<Gazetteer.Entry>comparingInt(e -> locative && e.thing().kind().equals("place") ? -1 : 0)
                              .thenComparingInt(e -> KIND_ORDER.getOrDefault(e.thing().kind(), 9))
                              .thenComparingInt(e -> rank(e.via())));
        Gazetteer.Entry best = ranked.get(0);
        List<Thing> alternatives = ranked.subList(1, ranked.size()).stream().map(Gazetteer.Entry::thing).toList();
        double confidence = switch (best.via()) {
            case "label" -> 0.95;
            case "alt", "code" -> 0.9;
            case "demonym" -> 0.85;
            default -> 0.8;
        };
        if (!alternatives.isEmpty())
            confidence -= 0.15;
        return new Mention(s.index(), i, j, begin, end, surface, best.thing(), alternatives, confidence, best.via());
    }

    private static int rank(String via) {
        return switch (via) {
            case "label" -> 0;
            case "alt" -> 1;
            case "demonym" -> 2;
            case "seat" -> 3;
            default -> 4;
        };
    }

    /** A person's first and last name, each a single word ("Kim", "Un"; not "Jae-in"), find them alone afterwards. */
    private static void remember(Thing person, Map<String, Thing> aliases) {
        String[] parts = person.label().trim().split("\\s+");
        if (parts.length < 2)
            return;
        for (String part : new String[] { parts[0], parts[parts.length - 1] }) {
            List<String> w = Folding.words(part);
            if (w.size() == 1 && w.get(0).length() > 1)
                aliases.putIfAbsent(w.get(0), person);
        }
    }

    /** "the North Korean leader", "China's president" with no name after: whoever held the office that day. */
    private List<Mention> roles(String text, Sentence s, List<Mention> found) {
        List<Token> t = s.tokens();
        List<Mention> out = new ArrayList<>(found);
        for (int k = 0; k < found.size(); k++) {
            Mention m = found.get(k);
            if (!m.thing().kind().equals("state"))
                continue;
            int r = m.lastToken() + 1;
            if (r < t.size() && t.get(r).possessive())
                r++;
            if (r >= t.size() || !ROLE_WORDS.contains(t.get(r).lemma()))
                continue;
            int after = r + 1;
            boolean named = k + 1 < found.size() && found.get(k + 1).firstToken() == after
                            || after < t.size() && t.get(after).capitalized() && t.get(after).pos().equals("PROPN");
            if (named)
                continue;
            String role = t.get(r).lemma();
            List<Tenure> holders = gazetteer.holders(m.thing().iri(), day);
            List<Tenure> fitting = holders.stream().filter(h -> h.office().toLowerCase().contains(role)).toList();
            List<Tenure> chosen = fitting.isEmpty() ? holders : fitting;
            if (chosen.isEmpty())
                continue;
            List<Thing> people = chosen.stream().map(h -> gazetteer.thing(h.holder()).orElse(null))
                .filter(java.util.Objects::nonNull).distinct().toList();
            if (people.isEmpty())
                continue;
            int begin = m.begin();
            out.add(new Mention(s.index(), m.firstToken(), r, begin, t.get(r).end(), text.substring(begin, t.get(r).end()),
                                people.get(0), people.subList(1, people.size()), people.size() == 1 ? 0.8 : 0.5, "role"));
        }
        return out;
    }

    /** Runs of capitalised proper nouns that name nothing the store has, as proposed new things. */
    private List<Mention> proposals(String text, Sentence s, List<Mention> found, Map<String, Thing> aliases, Map<String, Thing> proposed) {
        List<Token> t = s.tokens();
        boolean[] taken = new boolean[t.size()];
        for (Mention m : found)
            for (int k = m.firstToken(); k <= m.lastToken(); k++)
                taken[k] = true;
        List<Mention> out = new ArrayList<>();
        int i = 0;
        while (i < t.size()) {
            if (taken[i] || !nameWord(t.get(i)) || TITLES.contains(t.get(i).lower())) {
                i++;
                continue;
            }
            int j = i;
            while (j + 1 < t.size() && !taken[j + 1] && (nameWord(t.get(j + 1)) || t.get(j + 1).text().startsWith("-") && t.get(j + 1).text().length() > 1))
                j++;
            String surface = text.substring(t.get(i).begin(), t.get(j).end());
            String kind = guessKind(t, i, j);
            if (kind != null) {
                String key = kind + ":" + Folding.key(surface);
                Thing thing = proposed.computeIfAbsent(key, k -> new Thing(EntenteSys.ID_BASE + kindPath(kind) + "/" + slug(surface), kind, surface, true));
                out.add(new Mention(s.index(), i, j, t.get(i).begin(), t.get(j).end(), surface, thing, List.of(), 0.5, "new"));
                if (kind.equals("person"))
                    remember(thing, aliases);
            }
            i = j + 1;
        }
        return out;
    }

    private static boolean nameWord(Token x) {
        return x.capitalized() && (x.pos().equals("PROPN") || x.pos().startsWith("NNP")) && !x.possessive();
    }

    private static String guessKind(List<Token> t, int i, int j) {
        for (int k = i; k <= j; k++)
            if (ORG_WORDS.contains(t.get(k).lower()))
                return "organization";
        if (CALENDAR.contains(t.get(i).lower()))
            return null;
        boolean titled = i > 0 && TITLES.contains(t.get(i - 1).lower());
        boolean beforeEventNoun = j + 1 < t.size() && Set.of("parade", "summit", "talks", "war", "day", "forum", "games").contains(t.get(j + 1).lower());
        if (beforeEventNoun)
            return null;
        if (titled)
            return "person";
        if (i > 0 && LOCATIVE.contains(t.get(i - 1).lower()))
            return "place";
        int words = (int) java.util.stream.IntStream.rangeClosed(i, j).filter(k -> !t.get(k).text().startsWith("-")).count();
        return words >= 2 && words <= 3 && i > 0 ? "person" : null;
    }

    private static String kindPath(String kind) {
        return kind;
    }

    /** The IRI slug of a name: its folded words joined by '-', ASCII only. */
    public static String slug(String name) {
        String s = String.join("-", Folding.words(name)).replaceAll("[^a-z0-9-]", "").replaceAll("-+", "-");
        return s.isEmpty() ? "unnamed" : s;
    }
}
