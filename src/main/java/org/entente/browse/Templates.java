package org.entente.browse;

import java.io.IOException;
import java.io.StringWriter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheFactory;

import org.entente.sys.EntenteException;

/**
 * The Mustache templates of {@code src/main/resources/browse/}, compiled once; {@code {{x}}} is HTML-escaped.
 * A template renders a view record of {@code org.entente.browse.view}, whose members it reads through
 * their accessors.
 */
final class Templates {
    private final MustacheFactory factory = new DefaultMustacheFactory("browse");
    private final Map<String, Mustache> compiled = new ConcurrentHashMap<>();

    String render(String name, Record view) {
        Mustache m = compiled.computeIfAbsent(name, n -> factory.compile(n + ".mustache"));
        StringWriter out = new StringWriter();
        try {
            m.execute(out, view).flush();
        } catch (IOException ex) {
            throw new EntenteException("Rendering " + name + " failed", ex);
        }
        return out.toString();
    }
}
