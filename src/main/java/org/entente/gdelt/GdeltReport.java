package org.entente.gdelt;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.apache.jena.graph.Node;

/** What an import did: per file, its graph and rows; in all, the triples written and the time taken. */
public record GdeltReport(List<FileResult> files, long triples, Duration elapsed) {

    /**
     * One file: its graph, GDELT version, rows read, events written, events left out because another
     * file's graph (or an earlier row) has them already, and the rows skipped as bad.
     */
    public record FileResult(Path file, Node graph, String version, long rows, long imported, long duplicates, List<BadRow> skipped) {}

    /** Rows per second over the whole import (read, convert, load, validate, commit). */
    public double rowsPerSecond() {
        long rows = files.stream().mapToLong(FileResult::rows).sum();
        return rows / Math.max(elapsed.toNanos() / 1e9, 1e-9);
    }
}
