package org.entente.ingest.extract;

import java.util.List;

import org.entente.ingest.link.Mention;
import org.entente.ingest.link.Thing;

/** A proposed ent:DiplomaticTie between two agents, with the year it started if the text gives one. */
public record TieDraft(List<Thing> parties, String type, String certainty, Thing attributedTo, TimeExpr since,
                       List<Quote> quotes, double confidence, List<Mention> mentions) {}
