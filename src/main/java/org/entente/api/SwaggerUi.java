package org.entente.api;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

import org.entente.sys.EntenteException;

/**
 * Swagger UI's files, from the {@code org.webjars:swagger-ui} jar on the classpath (no CDN: the page
 * works offline), and our own page and initializer from {@code src/main/resources/api/}. Only the
 * files listed here are served.
 */
final class SwaggerUi {

    private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";
    private static final String POM = "META-INF/maven/org.webjars/swagger-ui/pom.properties";

    /** A file to send: its bytes and media type. */
    record File(byte[] bytes, String mediaType) {}

    private static final Map<String, String> WEBJAR_FILES = Map.of(
        "swagger-ui.css", "text/css;charset=utf-8",
        "swagger-ui-bundle.js", "text/javascript;charset=utf-8",
        "favicon-32x32.png", "image/png",
        "favicon-16x16.png", "image/png");

    private static final Map<String, String> OWN_FILES = Map.of(
        "index.html", "text/html;charset=utf-8",
        "swagger-initializer.js", "text/javascript;charset=utf-8",
        "api.css", "text/css;charset=utf-8");

    private final String version;
    private final Map<String, File> read = new ConcurrentHashMap<>();

    private SwaggerUi(String version) {
        this.version = version;
    }

    /** The Swagger UI of the classpath's webjar. */
    static SwaggerUi fromClasspath() {
        Properties pom = new Properties();
        try (InputStream in = SwaggerUi.class.getClassLoader().getResourceAsStream(POM)) {
            if (in == null)
                throw new EntenteException("Swagger UI is not on the classpath (" + POM + ")");
            pom.load(in);
        } catch (IOException ex) {
            throw new EntenteException("Cannot read " + POM, ex);
        }
        return new SwaggerUi(pom.getProperty("version"));
    }

    String version() {
        return version;
    }

    /** One of Swagger UI's files ({@code swagger-ui/NAME}), or null. */
    File webjar(String name) {
        String type = WEBJAR_FILES.get(name);
        return type == null ? null : read(WEBJAR + version + "/" + name, type);
    }

    /** One of our own files ({@code index.html}, the initializer, the style sheet), or null. */
    File own(String name) {
        String type = OWN_FILES.get(name);
        return type == null ? null : read("api/" + name, type);
    }

    private File read(String resource, String type) {
        File f = read.get(resource);
        if (f == null) {
            f = load(resource, type);
            if (f != null)
                read.put(resource, f);
        }
        return f;
    }

    private static File load(String resource, String type) {
        try (InputStream in = SwaggerUi.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? null : new File(in.readAllBytes(), type);
        } catch (IOException ex) {
            throw new EntenteException("Cannot read " + resource, ex);
        }
    }
}
