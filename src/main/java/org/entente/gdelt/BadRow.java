package org.entente.gdelt;

import java.nio.file.Path;

/** A row that could not be read: the file, its line (from 1), the field at fault and what is wrong. */
public record BadRow(Path file, long line, String field, String problem) {

    /** {@code file:line: field: problem}. */
    @Override
    public String toString() {
        return file.getFileName() + ":" + line + ": " + field + ": " + problem;
    }

    /** The row as a line of the skipped-rows report (tab-separated, tabs in the problem replaced). */
    public String tsv() {
        return file.getFileName() + "\t" + line + "\t" + field + "\t" + problem.replace('\t', ' ');
    }
}
