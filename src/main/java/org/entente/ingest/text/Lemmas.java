package org.entente.ingest.text;

import java.util.Locale;
import java.util.Map;

/**
 * Lemmas by rule, guided by the part of speech. OpenNLP ships no English lemmatizer model as a
 * Maven artifact at the version used here, and the cue lexicon only needs the verbs and nouns of
 * diplomatic reporting to meet their base form: a short list of irregular forms and the regular
 * English endings are enough for it.
 */
public final class Lemmas {
    private Lemmas() {}

    private static final Map<String, String> IRREGULAR = Map.ofEntries(
        Map.entry("met", "meet"), Map.entry("held", "hold"), Map.entry("said", "say"), Map.entry("told", "tell"),
        Map.entry("went", "go"), Map.entry("gone", "go"), Map.entry("saw", "see"), Map.entry("seen", "see"),
        Map.entry("made", "make"), Map.entry("took", "take"), Map.entry("taken", "take"), Map.entry("was", "be"),
        Map.entry("were", "be"), Map.entry("is", "be"), Map.entry("are", "be"), Map.entry("been", "be"),
        Map.entry("am", "be"), Map.entry("has", "have"), Map.entry("had", "have"), Map.entry("broke", "break"),
        Map.entry("broken", "break"), Map.entry("sought", "seek"), Map.entry("brought", "bring"),
        Map.entry("gave", "give"), Map.entry("given", "give"), Map.entry("spoke", "speak"), Map.entry("spoken", "speak"),
        Map.entry("came", "come"), Map.entry("led", "lead"), Map.entry("signed", "sign"), Map.entry("talks", "talks"),
        Map.entry("leaders", "leader"), Map.entry("ties", "tie"), Map.entry("relations", "relations"),
        Map.entry("tensions", "tension"), Map.entry("plans", "plan"), Map.entry("planned", "plan"),
        Map.entry("slammed", "slam"), Map.entry("visits", "visit"), Map.entry("hosted", "host"),
        Map.entry("hosting", "host"), Map.entry("urged", "urge"), Map.entry("declined", "decline"),
        Map.entry("criticised", "criticise"), Map.entry("criticized", "criticize"), Map.entry("invited", "invite"),
        Map.entry("discouraged", "discourage"), Map.entry("warned", "warn"), Map.entry("praised", "praise"),
        Map.entry("attended", "attend"), Map.entry("visited", "visit"), Map.entry("condemned", "condemn"),
        Map.entry("welcomed", "welcome"), Map.entry("agreed", "agree"), Map.entry("expressed", "express"),
        Map.entry("confirmed", "confirm"), Map.entry("announced", "announce"), Map.entry("participated", "participate"),
        Map.entry("monitored", "monitor"), Map.entry("seeking", "seek"), Map.entry("meeting", "meeting"),
        Map.entry("emphasized", "emphasize"), Map.entry("emphasised", "emphasise"), Map.entry("accused", "accuse"),
        Map.entry("thanked", "thank"), Map.entry("backed", "back"), Map.entry("supported", "support"));

    /** The base form of a word with its part of speech (Universal or Penn tags). */
    public static String of(String word, String pos) {
        String w = word.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        String irregular = IRREGULAR.get(w);
        if (irregular != null)
            return irregular;
        boolean verb = pos.startsWith("V") || pos.equals("AUX");
        boolean noun = pos.startsWith("N") || pos.equals("PROPN");
        if (verb) {
            if (w.endsWith("ied") && w.length() > 4) return w.substring(0, w.length() - 3) + "y";
            if (w.endsWith("ies") && w.length() > 4) return w.substring(0, w.length() - 3) + "y";
            if (w.endsWith("ing") && w.length() > 5) return undouble(w.substring(0, w.length() - 3));
            if (w.endsWith("ed") && w.length() > 4) return undouble(w.substring(0, w.length() - 2));
            if (w.endsWith("es") && (w.endsWith("sses") || w.endsWith("shes") || w.endsWith("ches"))) return w.substring(0, w.length() - 2);
            if (w.endsWith("s") && !w.endsWith("ss") && w.length() > 3) return w.substring(0, w.length() - 1);
        } else if (noun && pos.startsWith("N") && !pos.equals("PROPN")) {
            if (w.endsWith("ies") && w.length() > 4) return w.substring(0, w.length() - 3) + "y";
            if (w.endsWith("s") && !w.endsWith("ss") && w.length() > 3) return w.substring(0, w.length() - 1);
        }
        return w;
    }

    private static String undouble(String stem) {
        int n = stem.length();
        if (n > 3 && stem.charAt(n - 1) == stem.charAt(n - 2) && "bdgmnprt".indexOf(stem.charAt(n - 1)) >= 0)
            return stem.substring(0, n - 1);
        return stem;
    }
}
