package org.entente.browse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;

import org.entente.browse.view.FrameWords;
import org.entente.browse.view.PageWords;
import org.junit.jupiter.api.Test;

/** The pages' own words: five complete bundles, read as UTF-8, with every phrase's values in each. */
class MessagesTest {

    /** The keys the code asks for: the language's name, every record of words, every phrase. */
    static Set<String> keysInUse() {
        Set<String> keys = new TreeSet<>(Set.of("language.name"));
        for (Map.Entry<Class<? extends Record>, String> w : Messages.WORDS.entrySet())
            for (var c : w.getKey().getRecordComponents())
                keys.add(w.getValue() + c.getName());
        for (Phrase p : Phrase.values())
            keys.add(p.key());
        return keys;
    }

    @Test
    void everyKeyIsInAllFiveBundlesAndNoBundleHasKeysNobodyUses() {
        Set<String> inUse = keysInUse();
        for (String lang : Messages.LANGUAGES)
            assertEquals(inUse, new TreeSet<>(Messages.of(lang).keys()), "messages_" + lang + ".properties");
    }

    @Test
    void everyLanguageMakesEveryRecordOfWords() {
        for (String lang : Messages.LANGUAGES)
            for (Class<? extends Record> type : Messages.WORDS.keySet())
                for (var c : type.getRecordComponents()) {
                    Object word;
                    try {
                        word = c.getAccessor().invoke(Messages.of(lang).words(type));
                    } catch (ReflectiveOperationException ex) {
                        throw new AssertionError(ex);
                    }
                    assertTrue(word instanceof String s && !s.isBlank(), lang + ": " + type.getSimpleName() + "." + c.getName());
                }
    }

    @Test
    void everyPhraseTakesEachOfItsValuesOnceInEveryLanguage() {
        for (String lang : Messages.LANGUAGES)
            for (Phrase p : Phrase.values()) {
                List<String> found = new ArrayList<>();
                Matcher m = Messages.PLACEHOLDER.matcher(Messages.of(lang).pattern(p));
                while (m.find())
                    found.add(m.group(1));
                List<String> expected = new ArrayList<>();
                for (int i = 0; i < p.arity(); i++)
                    expected.add(String.valueOf(i));
                assertEquals(expected, found.stream().sorted().toList(), lang + ": " + p.key() + " = " + Messages.of(lang).pattern(p));
            }
    }

    @Test
    void otherLanguagesAreTranslatedNotCopiedFromEnglish() {
        ResourceBundle en = bundle("en");
        for (String lang : Messages.LANGUAGES.subList(1, Messages.LANGUAGES.size())) {
            ResourceBundle other = bundle(lang);
            for (String key : keysInUse()) {
                String english = en.getString(key);
                // Values and punctuation alone ("{0} — {1} — {2}") may be the same everywhere.
                if (english.replaceAll("\\{\\d\\}", "").chars().anyMatch(Character::isLetter))
                    assertNotEquals(english, other.getString(key), lang + ": " + key);
            }
        }
    }

    private static ResourceBundle bundle(String lang) {
        return ResourceBundle.getBundle("browse.messages", Locale.forLanguageTag(lang),
                                        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    @Test
    void bundlesAreReadAsUtf8() {
        assertEquals("연표", Messages.of("ko").words(PageWords.class).timeline());
        assertEquals("时间线", Messages.of("zh").words(PageWords.class).timeline());
        assertEquals("Хронология", Messages.of("ru").words(PageWords.class).timeline());
        assertEquals("年表", Messages.of("ja").words(PageWords.class).timeline());
        assertEquals("Search people, states, events…", Messages.of("en").words(FrameWords.class).searchPlaceholder());
    }

    @Test
    void phrasesFillTheirValuesInTheLanguagesOrder() {
        assertEquals("Statements and links 1–25 of 60", Messages.of("en").format(Phrase.PAGER, "1", "25", "60"));
        assertEquals("진술과 링크 60개 중 1–25번째", Messages.of("ko").format(Phrase.PAGER, "1", "25", "60"));
        assertEquals(" — for North Korea", Messages.of("en").format(Phrase.PARTICIPATION_FOR, "North Korea"));
        assertEquals(", ", Messages.of("en").format(Phrase.LIST_SEPARATOR), "a trailing space survives");
    }

    @Test
    void theReadersFirstLanguageWithWordsWinsElseEnglish() {
        assertEquals("ko", Messages.forReader(List.of("fr", "ko", "en")).lang());
        assertEquals("en", Messages.forReader(List.of("fr", "de")).lang());
        assertEquals("en", Messages.of("xx").lang());
        for (String lang : Messages.LANGUAGES)
            assertEquals(lang, Messages.of(lang).lang());
    }
}
