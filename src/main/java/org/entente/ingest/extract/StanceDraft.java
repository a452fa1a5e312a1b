package org.entente.ingest.extract;

import java.util.List;

import org.entente.ingest.link.Mention;
import org.entente.ingest.link.Thing;

/** A proposed ent:Stance of one agent toward another ({@code toward}) or toward an event ({@code towardEvent}). */
public record StanceDraft(Thing from, Thing toward, ArticleEvent towardEvent, String type, String certainty, Thing attributedTo,
                          List<Quote> quotes, double confidence, List<Mention> mentions) {}
