package org.entente.load;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Map;
import java.util.Set;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.document.Document;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.loader.DocumentLoader;
import com.apicatalog.jsonld.loader.DocumentLoaderOptions;
import com.apicatalog.jsonld.loader.HttpLoader;

/**
 * The JSON-LD parser's document loader: it serves the well-known contexts from the jar, fetches only
 * the contexts named on the command line ({@code --allow-context URL}), and refuses every other URL
 * (http, https, file or any scheme) with a message naming it. Without it, a document's
 * {@code "@context": "http://10.0.0.1/..."} would make the server fetch that URL: a request forged on
 * the uploader's behalf.
 */
final class ContextLoader implements DocumentLoader {

    /** The schema.org context, as people write it, served from {@code jsonld/schema.org.jsonld}. */
    static final String SCHEMA_ORG = "jsonld/schema.org.jsonld";
    static final Map<String, String> BUNDLED = Map.of(
        "http://schema.org", SCHEMA_ORG,
        "http://schema.org/", SCHEMA_ORG,
        "https://schema.org", SCHEMA_ORG,
        "https://schema.org/", SCHEMA_ORG,
        "http://schema.org/docs/jsonldcontext.json", SCHEMA_ORG,
        "https://schema.org/docs/jsonldcontext.json", SCHEMA_ORG);

    private static final DocumentLoader HTTP = new HttpLoader(java.net.http.HttpClient.newBuilder()
        .followRedirects(java.net.http.HttpClient.Redirect.NEVER).connectTimeout(java.time.Duration.ofSeconds(10)).build());

    private final Set<String> allowed;

    ContextLoader(Set<String> allowed) {
        this.allowed = Set.copyOf(allowed);
    }

    @Override
    public Document loadDocument(URI url, DocumentLoaderOptions options) throws JsonLdError {
        String u = url.toString();
        String resource = BUNDLED.get(u);
        if (resource != null)
            return bundled(url, resource);
        if (allowed.contains(u))
            return HTTP.loadDocument(url, options);
        boolean web = "http".equals(url.getScheme()) || "https".equals(url.getScheme());
        throw new JsonLdError(JsonLdErrorCode.LOADING_REMOTE_CONTEXT_FAILED,
            "JSON-LD context " + u + " is not allowed: remote contexts are not fetched (schema.org's is built in"
            + (web ? "; --allow-context " + u + " opts this one in)" : ")"));
    }

    private static Document bundled(URI url, String resource) throws JsonLdError {
        try (InputStream in = ContextLoader.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null)
                throw new JsonLdError(JsonLdErrorCode.LOADING_DOCUMENT_FAILED, "Missing resource " + resource);
            Document doc = JsonDocument.of(in);
            doc.setDocumentUrl(url);
            return doc;
        } catch (IOException ex) {
            throw new JsonLdError(JsonLdErrorCode.LOADING_DOCUMENT_FAILED, "Cannot read " + resource + ": " + ex.getMessage());
        }
    }
}
