package org.entente.replication;

/**
 * One RDF Patch as it travels on the log: its id, the offset of its last record (the offset a store that
 * applied it records), and its text (RDF Patch text format, header first).
 */
record Patch(String id, long offset, byte[] text) {}
