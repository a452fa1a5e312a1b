package org.entente.ingest.eval;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.system.ErrorHandlerFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.system.Txn;
import org.entente.sys.EntenteException;

/**
 * One article of the gold corpus: its slug, its split, the text file, what its meta file says, and
 * the TriG files of its gold standard (the seed article's gold is the hand-made data file, read in
 * place, with the reference data that dates its events).
 */
public record Article(String slug, Split split, Path textFile, ArticleMeta meta, List<Path> goldFiles) {

    public Article {
        goldFiles = List.copyOf(goldFiles);
    }

    /** The IRI of the article as a source, and of its named graph. */
    public String sourceIri() {
        return "https://w3id.org/entente/id/source/" + slug;
    }

    /** The article's text, as UTF-8. */
    public String text() {
        try {
            return Files.readString(textFile);
        } catch (CharacterCodingException ex) {
            throw new EntenteException(textFile + ": not UTF-8 text", ex);
        } catch (IOException ex) {
            throw new EntenteException(textFile + ": " + ex.getMessage(), ex);
        }
    }

    /** The gold standard as a fresh in-memory dataset (parsing errors name the file, line and column). */
    public DatasetGraph gold() {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        Txn.executeWrite(dsg, () -> {
            for (Path f : goldFiles) {
                try {
                    RDFParser.source(f).errorHandler(ErrorHandlerFactory.errorHandlerExceptions()).parse(dsg);
                } catch (RiotException ex) {
                    throw new EntenteException(f + ": " + ex.getMessage(), ex);
                }
            }
        });
        return dsg;
    }
}
