package org.entente.browse;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.entente.browse.view.ErrorWords;
import org.entente.browse.view.Frame;
import org.entente.browse.view.FrameWords;
import org.entente.browse.view.PageWords;
import org.entente.browse.view.StartWords;
import org.entente.browse.view.StatesWords;
import org.entente.browse.view.CodedWords;
import org.entente.browse.view.DyadWords;
import org.entente.sys.EntenteException;

/**
 * The pages' own words in one language, from {@code browse/messages_LANG.properties} (UTF-8).
 * Words a template shows come as a record of {@link #WORDS}, whose component names are keys under
 * its prefix; words with values filled in come as a {@link Phrase}.
 * <pre>
 *   Messages ko = Messages.of("ko");
 *   PageWords words = ko.words(PageWords.class);              // words.timeline() is "연표"
 *   String pager = ko.format(Phrase.PAGER, "1", "25", "60");  // "진술과 링크 60개 중 1–25번째"
 * </pre>
 */
final class Messages {

    /** The languages the pages are written in; the first is the fallback. */
    static final List<String> LANGUAGES = List.of("en", "zh", "ko", "ru", "ja");
    /** A value to fill in: {@code {0}}, {@code {1}}, ... */
    static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d)\\}");

    /** The records of words, each with the prefix of its keys. */
    static final Map<Class<? extends Record>, String> WORDS = Map.of(FrameWords.class, "frame.", PageWords.class, "page.",
                                                                    StartWords.class, "start.", ErrorWords.class, "error.",
                                                                    StatesWords.class, "states.", DyadWords.class, "dyad.",
                                                                    CodedWords.class, "coded.");

    private static final Map<String, Messages> BY_LANGUAGE = new ConcurrentHashMap<>();

    private final String lang;
    private final ResourceBundle bundle;
    private final Map<Class<?>, Record> words = new ConcurrentHashMap<>();

    private Messages(String lang) {
        this.lang = lang;
        // No fallback to the JVM's default locale: every language has its own complete bundle.
        this.bundle = ResourceBundle.getBundle("browse.messages", Locale.forLanguageTag(lang),
                                               ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** The words in a language of {@link #LANGUAGES}; English for any other. */
    static Messages of(String lang) {
        String l = LANGUAGES.contains(lang) ? lang : LANGUAGES.get(0);
        return BY_LANGUAGE.computeIfAbsent(l, Messages::new);
    }

    /** The words in the first of the reader's languages (best first) that the pages are written in. */
    static Messages forReader(List<String> languages) {
        return of(languages.stream().filter(LANGUAGES::contains).findFirst().orElse(LANGUAGES.get(0)));
    }

    /** The language's code. */
    String lang() {
        return lang;
    }

    /** The language's name in itself. */
    String languageName() {
        return text("language.name");
    }

    /** The text of a key; fails when the bundle lacks it. */
    private String text(String key) {
        return bundle.getString(key);
    }

    /** Every key of this language's bundle. */
    Set<String> keys() {
        return bundle.keySet();
    }

    /** A phrase's pattern, with its placeholders. */
    String pattern(Phrase phrase) {
        return text(phrase.key());
    }

    /** A phrase with its values filled in. */
    String format(Phrase phrase, String... values) {
        return String.join("", fill(phrase, w -> w, i -> List.of(values[i])));
    }

    /**
     * A phrase as a list of pieces: its own words made pieces by {@code words}, each value by
     * {@code values} from its number (nothing, one piece or several).
     */
    <T> List<T> fill(Phrase phrase, Function<String, T> words, IntFunction<List<T>> values) {
        String pattern = pattern(phrase);
        List<T> out = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(pattern);
        int at = 0;
        while (m.find()) {
            if (m.start() > at)
                out.add(words.apply(pattern.substring(at, m.start())));
            out.addAll(values.apply(Integer.parseInt(m.group(1))));
            at = m.end();
        }
        if (at < pattern.length())
            out.add(words.apply(pattern.substring(at)));
        return out;
    }

    /** The head and foot of a page in this language; {@code dataTurtle} is empty on pages of no resource. */
    Frame frame(String title, String dataTurtle, String query) {
        return new Frame(lang, title, dataTurtle, query, words(FrameWords.class));
    }

    /** A record of {@link #WORDS}: each component is the text of its name under the record's prefix. */
    <R extends Record> R words(Class<R> type) {
        return type.cast(words.computeIfAbsent(type, t -> make(type)));
    }

    private <R extends Record> R make(Class<R> type) {
        String prefix = WORDS.get(type);
        if (prefix == null)
            throw new EntenteException(type.getSimpleName() + " is not a record of words");
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = text(prefix + components[i].getName());
        }
        try {
            Constructor<R> c = type.getDeclaredConstructor(types);
            return c.newInstance(values);
        } catch (ReflectiveOperationException ex) {
            throw new EntenteException("Cannot make " + type.getSimpleName() + " from messages_" + lang, ex);
        }
    }
}
