package org.entente.sys;

import java.nio.file.Files;
import java.nio.file.Path;

/** Fixed names of Entente: its namespaces, its dataset name, and where the project files are. */
public final class EntenteSys {
    /** The namespace of things: every resource IRI starts with it. */
    public static final String ID_BASE = "https://w3id.org/entente/id/";
    /** The named graph where the loader notes which file filled which graph. */
    public static final String CATALOG_GRAPH = ID_BASE + "graph/catalog";
    /** The name of the dataset in the server: {@code /kg/sparql}. */
    public static final String DATASET = "/kg";
    /** Where the server serves the SPARQL editor (the Fuseki UI). */
    public static final String EDITOR = "/ui/";
    /** The editor's query tab for the dataset; add {@code ?query=} and the URL-encoded query to fill it in. */
    public static final String EDITOR_QUERY = EDITOR + "#/dataset" + DATASET + "/query";
    /** The project's folders, relative to its home. */
    public static final String ONTOLOGY_DIR = "ontology";
    public static final String DATA_DIR = "data";
    public static final String QUERIES_DIR = "queries";

    /** Wikidata's entity namespace: {@code wd:}, the items our things are {@code owl:sameAs}. */
    public static final String WIKIDATA_ENTITY = "http://www.wikidata.org/entity/";

    private static final java.util.Properties BUILD = readBuild();
    /** This build's version, and the version of Apache Jena it was built on (from {@code pom.xml}). */
    public static final String VERSION = BUILD.getProperty("entente.version", "unknown");
    public static final String JENA_VERSION = BUILD.getProperty("jena.version", "unknown");

    private EntenteSys() {}

    private static java.util.Properties readBuild() {
        java.util.Properties p = new java.util.Properties();
        try (java.io.InputStream in = EntenteSys.class.getClassLoader().getResourceAsStream("entente.properties")) {
            if (in != null)
                p.load(in);
        } catch (java.io.IOException ex) {
            throw new EntenteException("Cannot read entente.properties from the jar", ex);
        }
        return p;
    }

    /**
     * The project home: the folder holding {@code ontology/}, {@code data/} and {@code queries/}.
     * Taken from the {@code entente.home} system property (the launcher sets it), else the working directory.
     */
    public static Path home() {
        String p = System.getProperty("entente.home");
        Path home = (p == null || p.isBlank()) ? Path.of("") : Path.of(p);
        return home.toAbsolutePath().normalize();
    }

    /** Whether {@code dir} looks like a project home. */
    public static boolean isHome(Path dir) {
        return Files.isDirectory(dir.resolve(ONTOLOGY_DIR));
    }
}
