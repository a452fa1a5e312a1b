package org.entente.load;

import java.io.InputStream;
import java.io.Reader;
import java.util.Collection;
import java.util.Set;

import com.apicatalog.jsonld.JsonLdOptions;

import org.apache.jena.atlas.web.ContentType;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParserRegistry;
import org.apache.jena.riot.ReaderRIOT;
import org.apache.jena.riot.ReaderRIOTFactory;
import org.apache.jena.riot.lang.LangJSONLD11;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.util.Context;
import org.entente.sys.EntenteException;

/**
 * Every JSON-LD parse in this process (the loader's, an upload to {@code /kg/data}, anything else going
 * through RIOT) gets a {@link ContextLoader}: well-known contexts from the jar, the allowed ones over
 * HTTP, nothing else. Installed by wrapping Jena's JSON-LD reader in RIOT's registry, so that no
 * caller can forget it; each parse gets its own options object (Titanium writes the base into it).
 * <pre>
 *   JsonLdLib.install(Set.of("https://example.org/ctx.jsonld"));   // --allow-context
 * </pre>
 */
public final class JsonLdLib {
    private JsonLdLib() {}

    private static volatile ContextLoader loader = new ContextLoader(Set.of());

    /** Installs the guard (once) and sets the contexts that may be fetched, replacing any set before. */
    public static synchronized void install(Collection<String> allowContexts) {
        for (String url : allowContexts)
            if (!(url.startsWith("http://") || url.startsWith("https://")))
                throw new EntenteException("--allow-context takes an http(s) URL: " + url);
        loader = new ContextLoader(Set.copyOf(allowContexts));
        ensureInstalled();
    }

    /** Installs the guard, if not yet installed, keeping the contexts allowed so far (none by default). */
    public static synchronized void ensureInstalled() {
        for (Lang lang : Set.of(Lang.JSONLD, Lang.JSONLD11)) {
            ReaderRIOTFactory current = RDFParserRegistry.getFactory(lang);
            if (current == null || current instanceof Guarded)
                continue;
            Guarded guarded = new Guarded(current);
            if (RDFParserRegistry.isQuads(lang))
                RDFParserRegistry.registerLangQuads(lang, guarded);
            else
                RDFParserRegistry.registerLangTriples(lang, guarded);
        }
    }

    /** Jena's reader factory, with options carrying the context loader put into each parse's context. */
    private record Guarded(ReaderRIOTFactory jena) implements ReaderRIOTFactory {
        @Override
        public ReaderRIOT create(Lang lang, org.apache.jena.riot.system.ParserProfile profile) {
            ReaderRIOT reader = jena.create(lang, profile);
            return new ReaderRIOT() {
                @Override
                public void read(InputStream in, String base, ContentType ct, StreamRDF out, Context cxt) {
                    reader.read(in, base, ct, out, guard(cxt));
                }

                @Override
                public void read(Reader in, String base, ContentType ct, StreamRDF out, Context cxt) {
                    reader.read(in, base, ct, out, guard(cxt));
                }
            };
        }

        /** A copy of the parse's context whose JSON-LD options load documents only through the guard. */
        private static Context guard(Context cxt) {
            Context c = cxt == null ? new Context() : cxt.copy();
            JsonLdOptions given = c.get(LangJSONLD11.JSONLD_OPTIONS);
            JsonLdOptions opts = given == null ? new JsonLdOptions() : new JsonLdOptions(given);
            opts.setDocumentLoader(loader);
            c.set(LangJSONLD11.JSONLD_OPTIONS, opts);
            return c;
        }
    }
}
