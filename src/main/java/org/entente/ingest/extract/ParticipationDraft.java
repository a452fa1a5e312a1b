package org.entente.ingest.extract;

import java.util.List;
import java.util.Set;

import org.entente.ingest.link.Mention;
import org.entente.ingest.link.Thing;

/** A proposed ent:Participation: who, in which event, in which roles, how sure, on what words. */
public record ParticipationDraft(Thing participant, ArticleEvent event, Set<String> roles, String status, String certainty,
                                 Thing attributedTo, Thing representing, List<Quote> quotes, double confidence, List<Mention> mentions) {}
