package org.entente.load;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.apache.jena.graph.Node;

/** What a load did: per file, the graphs it filled and how many triples; in all, the time it took. */
public record LoadReport(List<FileReport> files, long triples, Duration elapsed) {

    /** One file's part of a load. */
    public record FileReport(String key, Set<Node> graphs, long triples) {}

    /** Triples per second over the whole load (parse, write, validate, commit). */
    public double triplesPerSecond() {
        double secs = Math.max(elapsed.toNanos(), 1) / 1e9;
        return triples / secs;
    }
}
