package org.entente.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.entente.ingest.text.Nlp;
import org.entente.sys.EntenteException;

/**
 * Checks an article's bytes before anything is read from them: not empty, not over {@link #MAX_BYTES},
 * UTF-8 (the offset of the first bad byte is named), text rather than binary, and English.
 */
public final class ArticleInput {
    private ArticleInput() {}

    /** The largest article taken: 512 KiB, some 80,000 words, far above any news report. */
    public static final int MAX_BYTES = 512 * 1024;

    /** The text of the article, or an error naming {@code name} and what is wrong. */
    public static String text(String name, byte[] bytes) {
        if (bytes.length == 0 || new String(bytes, StandardCharsets.ISO_8859_1).isBlank())
            throw new EntenteException(name + ": the article is empty");
        if (bytes.length > MAX_BYTES)
            throw new EntenteException(String.format(Locale.ROOT, "%s: the article is %,d bytes, over the limit of %,d bytes", name, bytes.length, MAX_BYTES));
        for (int i = 0; i < bytes.length; i++)
            if (bytes[i] == 0)
                throw new EntenteException(name + ": binary data, not text (a zero byte at offset " + i + ")");
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                                                             .onUnmappableCharacter(CodingErrorAction.REPORT);
        String text;
        try {
            text = utf8.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (MalformedInputException ex) {
            throw new EntenteException(name + ": not UTF-8 text (a malformed byte sequence at byte offset " + firstBad(bytes) + ")");
        } catch (CharacterCodingException ex) {
            throw new EntenteException(name + ": not UTF-8 text (" + ex.getMessage() + ")");
        }
        if (text.startsWith("\uFEFF"))
            text = text.substring(1);
        long control = text.chars().filter(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t').count();
        if (control > text.length() / 20)
            throw new EntenteException(name + ": binary data, not text (" + control + " control characters)");
        text = text.replace("\r\n", "\n").replace('\r', '\n');
        String lang = Nlp.get().language(text);
        if (!lang.equals("eng") && text.codePoints().filter(Character::isLetter).count() >= 40) {
            String named = languageName(lang);
            throw new EntenteException(name + ": the article seems to be in " + (named.isEmpty() || named.equals(lang) ? "language '" + lang + "'" : named + " (" + lang + ")")
                                       + "; only English text can be ingested");
        }
        return text;
    }

    /** The English name of a language by its ISO 639-3 code ("deu" is German), or the code if Java knows no name for it. */
    static String languageName(String iso3) {
        for (String two : Locale.getISOLanguages()) {
            Locale l = new Locale(two);
            try {
                if (l.getISO3Language().equals(iso3))
                    return l.getDisplayLanguage(Locale.ENGLISH);
            } catch (java.util.MissingResourceException ex) {
                // No three-letter code for this one: not the language looked for.
            }
        }
        return iso3;
    }

    private static int firstBad(byte[] bytes) {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
        int lo = 0, hi = bytes.length;
        // The shortest prefix that fails to decode ends at the bad byte (give or take a multi-byte sequence).
        while (lo < hi) {
            int mid = (lo + hi) / 2;
            try {
                d.reset();
                d.decode(ByteBuffer.wrap(bytes, 0, mid + 1));
                lo = mid + 1;
            } catch (CharacterCodingException ex) {
                hi = mid;
            }
        }
        return lo;
    }
}
