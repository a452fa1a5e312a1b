package org.entente.ingest.link;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.icu.ICUNormalizer2Filter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

import com.ibm.icu.text.Normalizer2;

/**
 * Names folded so that spellings of one name meet: ICU's NFKC case folding (case, width, compatibility
 * forms), accents removed, words split at anything that is not a letter or digit. "Kim Jong-un",
 * "Kim Jong Un" and "KIM JONG UN" all fold to {@code kim jong un}.
 * <p>
 * Lucene's own {@code ICUFoldingFilter} would do much the same, but its bundled folding data is in the
 * format of the ICU it was built with, which the project's newer ICU4J refuses to read; and a
 * transliterator per word is slow. This uses ICU4J's own normaliser, and remembers what it folded.
 */
public final class Folding {
    private Folding() {}

    private static final Normalizer2 CASEFOLD = Normalizer2.getNFKCCasefoldInstance();
    private static final Map<String, String> KEYS = new ConcurrentHashMap<>();
    private static final int CACHE_LIMIT = 200_000;

    /** The analyzer of the index's word field: Unicode word breaks, NFKC case folding, accents folded to ASCII. */
    public static final Analyzer ANALYZER = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String field) {
            Tokenizer source = new StandardTokenizer();
            TokenStream folded = new ASCIIFoldingFilter(new ICUNormalizer2Filter(source, CASEFOLD));
            return new TokenStreamComponents(source, folded);
        }
    };

    /** The folded words of a name, joined by single spaces. */
    public static String key(String name) {
        String k = KEYS.get(name);
        if (k == null) {
            k = String.join(" ", fold(name));
            if (KEYS.size() < CACHE_LIMIT)
                KEYS.put(name, k);
        }
        return k;
    }

    /** The folded words of a name. */
    public static List<String> words(String name) {
        String k = key(name);
        return k.isEmpty() ? List.of() : List.of(k.split(" "));
    }

    private static List<String> fold(String name) {
        String s = Normalizer.normalize(CASEFOLD.normalize(name), Normalizer.Form.NFD);
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            int type = Character.getType(c);
            if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK)
                continue;
            if (Character.isLetterOrDigit(c) || type == Character.COMBINING_SPACING_MARK) {
                w.appendCodePoint(c);
            } else if (w.length() > 0) {
                out.add(w.toString());
                w.setLength(0);
            }
        }
        if (w.length() > 0)
            out.add(w.toString());
        return out;
    }
}
