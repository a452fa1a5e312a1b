package org.entente.ingest.extract;

/** A statement's status (participation-status scheme) and certainty, as the text's words give them. */
record Modality(String status, String certainty) {}
