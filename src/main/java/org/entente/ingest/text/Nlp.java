package org.entente.ingest.text;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;
import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.POSTaggerME;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.tokenize.TokenizerModel;
import opennlp.tools.util.Span;

import org.entente.sys.EntenteException;

/**
 * English sentences, words and parts of speech with Apache OpenNLP and the models Maven ships as
 * artifacts ({@code opennlp-models-*-en}, {@code opennlp-models-langdetect}), read from the
 * classpath once. Nothing is downloaded. OpenNLP's tools are not thread-safe: calls are serialised.
 */
public final class Nlp {
    private static final String SENTENCES = "opennlp-en-ud-ewt-sentence-1.3-2.5.4.bin";
    private static final String TOKENS = "opennlp-en-ud-ewt-tokens-1.3-2.5.4.bin";
    private static final String POS = "opennlp-en-ud-ewt-pos-1.3-2.5.4.bin";
    private static final String LANGUAGES = "langdetect-183.bin";

    private static volatile Nlp instance;

    private final SentenceDetectorME sentences;
    private final TokenizerME tokens;
    private final POSTaggerME pos;
    private final LanguageDetectorME languages;

    private Nlp() {
        try (InputStream s = stream(SENTENCES); InputStream t = stream(TOKENS); InputStream p = stream(POS);
             InputStream l = stream(LANGUAGES)) {
            sentences = new SentenceDetectorME(new SentenceModel(s));
            tokens = new TokenizerME(new TokenizerModel(t));
            pos = new POSTaggerME(new POSModel(p));
            languages = new LanguageDetectorME(new LanguageDetectorModel(l));
        } catch (IOException ex) {
            throw new EntenteException("Cannot read the OpenNLP models: " + ex.getMessage(), ex);
        }
    }

    /** The models, loaded on first use. */
    public static Nlp get() {
        Nlp n = instance;
        if (n == null) {
            synchronized (Nlp.class) {
                if (instance == null)
                    instance = new Nlp();
                n = instance;
            }
        }
        return n;
    }

    /** The ISO 639-3 code of the text's most likely language ({@code eng} for English). */
    public synchronized String language(String text) {
        return languages.predictLanguage(text.length() > 4000 ? text.substring(0, 4000) : text).getLang();
    }

    /** Splits the text into sentences (one per line at least: headlines end without a full stop) and words. */
    public synchronized ParsedText parse(String text) {
        List<Sentence> out = new ArrayList<>();
        int lineStart = 0;
        while (lineStart <= text.length()) {
            int nl = text.indexOf('\n', lineStart);
            int lineEnd = nl < 0 ? text.length() : nl;
            String line = text.substring(lineStart, lineEnd);
            if (!line.isBlank()) {
                for (Span s : sentences.sentPosDetect(line)) {
                    int b = lineStart + s.getStart(), e = lineStart + s.getEnd();
                    out.add(new Sentence(out.size(), b, e, words(text, b, e)));
                }
            }
            if (nl < 0)
                break;
            lineStart = nl + 1;
        }
        return new ParsedText(text, List.copyOf(out));
    }

    private List<Token> words(String text, int begin, int end) {
        String s = text.substring(begin, end);
        List<int[]> spans = new ArrayList<>();
        for (Span t : tokens.tokenizePos(s))
            splitPossessive(s, t.getStart(), t.getEnd(), spans);
        spans = joinHyphens(s, spans);
        String[] words = spans.stream().map(sp -> s.substring(sp[0], sp[1])).toArray(String[]::new);
        String[] tags = pos.tag(words);
        List<Token> out = new ArrayList<>(words.length);
        for (int i = 0; i < words.length; i++)
            out.add(new Token(words[i], begin + spans.get(i)[0], begin + spans.get(i)[1], tags[i], Lemmas.of(words[i], tags[i])));
        return out;
    }

    /** "Jae-in", "Ryong-hae", "70-minute": pieces joined by a hyphen with no space around it are one word. */
    private static List<int[]> joinHyphens(String s, List<int[]> spans) {
        List<int[]> out = new ArrayList<>();
        for (int[] sp : spans) {
            if (!out.isEmpty()) {
                int[] last = out.get(out.size() - 1);
                boolean glued = last[1] == sp[0];
                boolean lastEndsHyphen = s.charAt(last[1] - 1) == '-';
                boolean thisStartsHyphen = s.charAt(sp[0]) == '-';
                boolean lastWord = Character.isLetterOrDigit(s.charAt(last[0]));
                boolean thisWord = Character.isLetterOrDigit(s.charAt(sp[1] - 1));
                if (glued && ((lastEndsHyphen && thisWord && (last[1] - last[0] > 1 || out.size() > 1)) || (thisStartsHyphen && lastWord))) {
                    last[1] = sp[1];
                    continue;
                }
            }
            out.add(new int[] { sp[0], sp[1] });
        }
        return out;
    }

    /** "Korea’s" is two words, "Korea" and "’s"; a quotation mark glued to a word is a word of its own. */
    private static void splitPossessive(String s, int b, int e, List<int[]> out) {
        String w = s.substring(b, e);
        if (w.length() > 1 && "\"\u201C\u201D\u2018(".indexOf(w.charAt(0)) >= 0) {
            out.add(new int[] { b, b + 1 });
            splitPossessive(s, b + 1, e, out);
            return;
        }
        if (w.length() > 1 && "\"\u201C\u201D.,;:)".indexOf(w.charAt(w.length() - 1)) >= 0 && !w.matches(".*\\..*\\.")) {
            splitPossessive(s, b, e - 1, out);
            out.add(new int[] { e - 1, e });
            return;
        }
        if (w.length() > 2 && (w.endsWith("'s") || w.endsWith("\u2019s"))) {
            out.add(new int[] { b, e - 2 });
            out.add(new int[] { e - 2, e });
            return;
        }
        out.add(new int[] { b, e });
    }

    private static InputStream stream(String name) {
        InputStream in = Nlp.class.getClassLoader().getResourceAsStream(name);
        if (in == null)
            throw new EntenteException("Missing OpenNLP model " + name + " on the classpath (is the jar built from this project?)");
        return in;
    }
}
