package org.entente.gdelt;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.entente.load.LoadReport;
import org.entente.load.Loader;
import org.entente.load.SourceFile;
import org.entente.load.SourceFileLib;
import org.entente.sys.EntenteException;
import org.entente.sys.EntenteLog;
import org.entente.sys.EntenteSys;
import org.entente.vocab.ENT;

/**
 * Imports GDELT event files (2.0 export, 1.0 daily or back files; plain or zipped) into the store
 * through the {@link Loader}: all or nothing, one named graph per file.
 * <pre>
 *   GdeltReport r = GdeltImporter.create().dataset(dsg).skipBad(false).build().importFiles(List.of(Path.of("20250301.export.CSV.zip")));
 * </pre>
 * All the files go to the loader in one call, hence one transaction with the SHACL gate: a bad row
 * (unless skipped), a failed shape or any other error writes nothing. The loader does not parse
 * them: each file is read a row at a time on the loader's parser thread and its events sent, as
 * quads of its graph ({@code .../id/source/gdelt/{file name without extensions}}), straight to the
 * writer, so reading and converting overlap with the writes and memory does not grow with the file.
 * A graph imported again is replaced (the loader empties a graph before filling it).
 * <p>
 * An event (by GLOBALEVENTID) that another file's graph already holds, or that an earlier file or row
 * of the same import brought, is left out, so overlapping files never duplicate an event. That check
 * reads the store as it was before the import (in a read transaction of the reading thread); the ids
 * of the current import are kept in a set (8 bytes and a little more per event), the one thing that
 * grows with the input.
 */
public final class GdeltImporter {
    /** Where the graphs of imported files live. */
    public static final String GRAPH_BASE = EntenteSys.ID_BASE + "source/gdelt/";
    private static final Node SCHEMA_NAME = NodeFactory.createURI("https://schema.org/name");
    private static final Node GENERATED_AT = NodeFactory.createURI("http://www.w3.org/ns/prov#generatedAtTime");

    private final DatasetGraph dsg;
    private final boolean skipBad;
    private final boolean validate;
    private final Loader.Bulk bulk;
    private final RowParser parser = new RowParser(CameoScheme.codes());

    private GdeltImporter(Builder b) {
        this.dsg = b.dsg;
        this.skipBad = b.skipBad;
        this.validate = b.validate;
        this.bulk = b.bulk;
    }

    public static Builder create() {
        return new Builder();
    }

    /** The graph of a file: {@code .../id/source/gdelt/20250301} for {@code 20250301.export.CSV.zip}. */
    public static Node graphFor(Path file) {
        String name = file.getFileName().toString();
        int dot = name.indexOf('.');
        String stem = (dot > 0 ? name.substring(0, dot) : name).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]+", "-");
        return NodeFactory.createURI(GRAPH_BASE + stem);
    }

    /** Imports the files in one transaction; throws (writing nothing) on any bad row unless bad rows are skipped. */
    public GdeltReport importFiles(List<Path> files) {
        long start = System.nanoTime();
        Set<Long> seen = new HashSet<>();
        // A store without any coded event (a first import) needs no look-up per row.
        boolean storeHasEvents = Txn.calculateRead(dsg, this::anyEvent);
        GdeltReport.FileResult[] results = new GdeltReport.FileResult[files.size()];
        List<SourceFile> sources = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            int at = i;
            String key = "gdelt/" + graphFor(file).getURI().substring(GRAPH_BASE.length());
            sources.add(SourceFile.produced(file, key, SourceFileLib.sha256(file),
                                            sink -> results[at] = convert(file, sink, seen, storeHasEvents)));
        }
        LoadReport load = Loader.create().dataset(dsg).validate(validate).bulk(bulk).expectedTriples(expectedQuads(files)).build().loadFiles(sources);
        List<GdeltReport.FileResult> done = List.of(results);
        done.forEach(GdeltImporter::writeSkipped);
        GdeltReport report = new GdeltReport(done, load.triples(), Duration.ofNanos(System.nanoTime() - start));
        EntenteLog.loadLog.info("Imported {} GDELT file(s): {} rows/s", files.size(), String.format("%,.0f", report.rowsPerSecond()));
        return report;
    }

    /**
     * Reads one GDELT file and sends its graph to {@code sink}. Runs on the loader's parser thread, while
     * the loader's own thread writes what it sends: reading and converting overlap with the writes.
     * Events that other graphs hold are looked up in a read transaction of this thread's own, which
     * sees the store as it was before the import. A bad row (unless bad rows are skipped) stops the
     * quads, the rest of the file is read for more bad rows, and then the whole import fails.
     */
    private GdeltReport.FileResult convert(Path file, StreamRDF sink, Set<Long> seen, boolean storeHasEvents) {
        if (!storeHasEvents)
            return convertRows(file, sink, seen, false);
        return Txn.calculateRead(dsg, () -> convertRows(file, sink, seen, true));
    }

    private GdeltReport.FileResult convertRows(Path file, StreamRDF out, Set<Long> seen, boolean storeHasEvents) {
        Node g = graphFor(file);
        EventQuads.Shared shared = new EventQuads.Shared();
        List<BadRow> bad = new ArrayList<>();
        GdeltFormat format = null;
        long rows = 0, imported = 0, duplicates = 0, line = 0;
        try (InputStream in = open(file);
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
            StreamRDF sink = out;
            for (String text = r.readLine(); text != null; text = r.readLine()) {
                line++;
                if (text.isBlank())
                    continue;
                try {
                    String[] cols = text.split("\t", -1);
                    GdeltFormat f = RowParser.formatOf(cols);
                    if (format != null && !f.version().equals(format.version()))
                        throw new RowParser.BadField("row", f.columns() + " columns (GDELT " + f.version() + ") in a GDELT "
                                                     + format.version() + " file");
                    GdeltEvent e = parser.parse(cols, f);
                    format = format == null ? f : format;
                    rows++;
                    if (!seen.add(e.id()) || storeHasEvents && inOtherGraph(e.id(), g)) {
                        duplicates++;
                        continue;
                    }
                    EventQuads.write(sink, g, e, shared);
                    imported++;
                } catch (RowParser.BadField ex) {
                    bad.add(new BadRow(file, line, ex.field, ex.getMessage()));
                    if (!skipBad)
                        // Nothing will be written: no need to send more.
                        sink = StreamRDFLib.sinkNull();
                }
            }
            if (!bad.isEmpty() && !skipBad)
                throw new EntenteException(badRowsMessage(bad));
            String version = format == null ? "unknown" : format.version();
            describe(sink, g, file, version, imported);
            return new GdeltReport.FileResult(file, g, version, rows, imported, duplicates, List.copyOf(bad));
        } catch (IOException | UncheckedIOException ex) {
            throw new EntenteException(file + ": " + ex.getMessage(), ex);
        }
    }

    /**
     * About how many quads the files bring, from their sizes, for the loader's choice of path: a 2.0
     * row is about 370 bytes plain and 19 quads; zipped, a row is about 77 bytes.
     */
    private static long expectedQuads(List<Path> files) {
        long quads = 0;
        for (Path f : files) {
            try {
                long bytes = Files.size(f);
                quads += (f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip") ? bytes / 77 : bytes / 370) * 19;
            } catch (IOException ex) {
                // Unreadable: the import itself reports it.
            }
        }
        return quads;
    }

    /** Whether any graph holds a coded event; must run in a read transaction. */
    private boolean anyEvent() {
        var it = dsg.find(Node.ANY, Node.ANY, RDF.type.asNode(), ENT.node(ENT.CodedEvent));
        try {
            return it.hasNext();
        } finally {
            org.apache.jena.atlas.iterator.Iter.close(it);
        }
    }

    /** Whether a graph other than {@code g} holds the event already. */
    private boolean inOtherGraph(long id, Node g) {
        Node ev = EventQuads.eventIri(id);
        var it = dsg.find(Node.ANY, ev, RDF.type.asNode(), ENT.node(ENT.CodedEvent));
        try {
            while (it.hasNext())
                if (!it.next().getGraph().equals(g))
                    return true;
            return false;
        } finally {
            org.apache.jena.atlas.iterator.Iter.close(it);
        }
    }

    /** The file's graph described in itself: an ent:Source with file name, GDELT version, rows imported and when. */
    private static void describe(StreamRDF sink, Node g, Path file, String version, long imported) {
        String name = file.getFileName().toString();
        sink.quad(Quad.create(g, g, RDF.type.asNode(), ENT.node(ENT.Source)));
        sink.quad(Quad.create(g, g, RDFS.label.asNode(), NodeFactory.createLiteralString("GDELT " + version + " events file " + name)));
        sink.quad(Quad.create(g, g, SCHEMA_NAME, NodeFactory.createLiteralString(name)));
        sink.quad(Quad.create(g, g, ENT.node(ENT.dataVersion), NodeFactory.createLiteralString(version)));
        sink.quad(Quad.create(g, g, ENT.node(ENT.rowCount), NodeFactory.createLiteralDT(Long.toString(imported), XSDDatatype.XSDlong)));
        String now = OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        sink.quad(Quad.create(g, g, GENERATED_AT, NodeFactory.createLiteralDT(now, XSDDatatype.XSDdateTime)));
    }

    /** Where the rows skipped from a file are listed: {@code FILE.skipped.tsv} beside it. */
    public static Path skippedReport(Path file) {
        return file.resolveSibling(file.getFileName() + ".skipped.tsv");
    }

    /** Lists a file's skipped rows beside it (file, line, field, problem); removes an old list when none were skipped. */
    private static void writeSkipped(GdeltReport.FileResult r) {
        Path report = skippedReport(r.file());
        try {
            if (r.skipped().isEmpty()) {
                Files.deleteIfExists(report);
                return;
            }
            List<String> lines = new ArrayList<>();
            lines.add("file\tline\tfield\tproblem");
            r.skipped().forEach(b -> lines.add(b.tsv()));
            Files.write(report, lines, StandardCharsets.UTF_8);
        } catch (IOException ex) {
            EntenteLog.loadLog.warn("Could not write {}: {}", report, ex.getMessage());
        }
    }

    private static String badRowsMessage(List<BadRow> bad) {
        int shown = Math.min(bad.size(), 20);
        StringBuilder b = new StringBuilder(String.format("%,d bad row(s); nothing imported (--skip-bad imports the rest):", bad.size()));
        for (BadRow row : bad.subList(0, shown))
            b.append(System.lineSeparator()).append("  ").append(row);
        if (shown < bad.size())
            b.append(System.lineSeparator()).append("  ...");
        return b.toString();
    }

    /** The file's text: the first entry of a {@code .zip}, or the file itself. */
    private static InputStream open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip"))
            return in;
        ZipInputStream zip = new ZipInputStream(in);
        for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry())
            if (!entry.isDirectory())
                return zip;
        zip.close();
        throw new IOException("the zip file holds no file");
    }

    /** Settings of a {@link GdeltImporter}. */
    public static final class Builder {
        private DatasetGraph dsg;
        private boolean skipBad = false;
        private boolean validate = true;
        private Loader.Bulk bulk = Loader.Bulk.NEVER;

        private Builder() {}

        /** Which path the loader takes (default {@link Loader.Bulk#NEVER}, one transaction; see {@link Loader.Builder#bulk}). */
        public Builder bulk(Loader.Bulk bulk) {
            this.bulk = Objects.requireNonNull(bulk);
            return this;
        }

        /** The dataset to import into (required). */
        public Builder dataset(DatasetGraph dsg) {
            this.dsg = dsg;
            return this;
        }

        /** Whether bad rows are left out (and reported) instead of stopping the import (default false). */
        public Builder skipBad(boolean skipBad) {
            this.skipBad = skipBad;
            return this;
        }

        /** Whether the loader's SHACL gate runs (default true). */
        public Builder validate(boolean validate) {
            this.validate = validate;
            return this;
        }

        public GdeltImporter build() {
            Objects.requireNonNull(dsg, "dataset");
            return new GdeltImporter(this);
        }
    }
}
