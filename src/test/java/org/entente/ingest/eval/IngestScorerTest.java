package org.entente.ingest.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.junit.jupiter.api.Test;

/** The scoring contract, on tiny hand-built draft and gold pairs. */
class IngestScorerTest {

    private static final String PREFIXES = """
        PREFIX ent:    <https://w3id.org/entente/ontology#>
        PREFIX xsd:    <http://www.w3.org/2001/XMLSchema#>
        PREFIX person: <https://w3id.org/entente/id/person/>
        PREFIX state:  <https://w3id.org/entente/id/state/>
        PREFIX event:  <https://w3id.org/entente/id/event/>
        PREFIX status: <https://w3id.org/entente/id/concept/participation-status/>
        PREFIX role:   <https://w3id.org/entente/id/concept/role/>
        PREFIX cert:   <https://w3id.org/entente/id/concept/certainty/>
        PREFIX tiet:   <https://w3id.org/entente/id/concept/tie-type/>
        PREFIX stt:    <https://w3id.org/entente/id/concept/stance-type/>
        PREFIX org:    <https://w3id.org/entente/id/organization/>
        PREFIX src:    <https://w3id.org/entente/id/source/>
        """;

    /** A gold standard: Kim and Trump at the Singapore summit of 2018, a tie and a stance. */
    private static final String GOLD = PREFIXES + """
        src:a {
          event:2018-06-12-singapore-summit a ent:Summit ; ent:date "2018-06-12"^^xsd:date .
          src:a-kim a ent:Participation ; ent:participant person:kim-jong-un ; ent:event event:2018-06-12-singapore-summit ;
              ent:status status:attended ; ent:role role:attendee ; ent:certainty cert:stated ;
              ent:quote "Kim Jong Un met Donald Trump in Singapore"@en .
          src:a-trump a ent:Participation ; ent:participant person:donald-trump ; ent:event event:2018-06-12-singapore-summit ;
              ent:status status:attended ; ent:role role:attendee ; ent:certainty cert:stated .
          src:a-tie a ent:DiplomaticTie ; ent:party state:usa , state:prk ; ent:tieType tiet:tension ; ent:certainty cert:stated .
          src:a-stance a ent:Stance ; ent:from state:jpn ; ent:toward event:2018-06-12-singapore-summit ;
              ent:stanceType stt:praise ; ent:certainty cert:stated ; ent:attributedTo org:jpn-foreign-ministry .
        }
        """;

    private static DatasetGraph trig(String text) {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        RDFParser.fromString(text, Lang.TRIG).parse(dsg);
        return dsg;
    }

    private static ScoreReport score(String draft, String gold) {
        return IngestScorer.create().build().score("t", trig(draft), trig(gold));
    }

    @Test
    void goldAgainstItselfScoresOneEverywhere() {
        ScoreReport r = score(GOLD, GOLD);
        for (Kind k : Kind.values()) {
            assertEquals(0, r.kind(k).fp(), k.label());
            assertEquals(0, r.kind(k).fn(), k.label());
            assertEquals(1.0, r.kind(k).f1(), k.label());
        }
        assertEquals(new KindScore("micro-average", 4, 0, 0), r.micro());
        assertEquals(1.0, r.agreement("certainty").accuracy());
        assertEquals(new Agreement("role", 2, 2), r.agreement("role"));
        assertTrue(r.misses().isEmpty());
    }

    @Test
    void wrongStatusIsOneFalsePositiveAndOneFalseNegative() {
        String draft = PREFIXES + """
            src:a {
              event:e1 a ent:Summit ; ent:date "2018-06-12"^^xsd:date .
              src:x-d1 a ent:Participation ; ent:participant person:kim-jong-un ; ent:event event:e1 ; ent:status status:expected .
            }
            """;
        KindScore p = score(draft, GOLD).kind(Kind.PARTICIPATION);
        assertEquals(new KindScore("participation", 0, 1, 2), p);
        assertEquals(0.0, p.precision());
        assertEquals(0.0, p.recall());
    }

    @Test
    void eventsMatchBySharedTypeAndYearUnderAnotherIri() {
        String draft = PREFIXES + """
            src:a {
              src:meeting a ent:Meeting , ent:Summit ; ent:timeDescription "on 12 June 2018"@en .
              src:x-d1 a ent:Participation ; ent:participant person:kim-jong-un ; ent:event src:meeting ;
                  ent:status status:attended ; ent:role role:host ; ent:certainty cert:reported .
            }
            """;
        ScoreReport r = score(draft, GOLD);
        assertEquals(new KindScore("participation", 1, 0, 1), r.kind(Kind.PARTICIPATION));
        assertEquals(new Agreement("role", 0, 1), r.agreement("role"));
        assertEquals(new Agreement("certainty", 0, 1), r.agreement("certainty"));
    }

    @Test
    void eventsOfAnotherYearOrOnlyEventTypeDoNotMatch() {
        String draft = PREFIXES + """
            src:a {
              src:x-e2019 a ent:Summit ; ent:date "2019-02-27"^^xsd:date .
              src:x-plain a ent:Event ; ent:date "2018-06-12"^^xsd:date .
              src:x-d1 a ent:Participation ; ent:participant person:kim-jong-un ; ent:event src:x-e2019 ; ent:status status:attended .
              src:x-d2 a ent:Participation ; ent:participant person:donald-trump ; ent:event src:x-plain ; ent:status status:attended .
            }
            """;
        assertEquals(new KindScore("participation", 0, 2, 2), score(draft, GOLD).kind(Kind.PARTICIPATION));
    }

    @Test
    void anEventWithNoYearMatchesOneOfAnyYearOfTheSameType() {
        String draft = PREFIXES + """
            src:a {
              src:x-someSummit a ent:Summit .
              src:x-d1 a ent:Participation ; ent:participant person:donald-trump ; ent:event src:x-someSummit ; ent:status status:attended .
            }
            """;
        assertEquals(1, score(draft, GOLD).kind(Kind.PARTICIPATION).tp());
    }

    @Test
    void tiePartiesAreUnordered() {
        String draft = PREFIXES + """
            src:a { src:x-t a ent:DiplomaticTie ; ent:party state:prk , state:usa ; ent:tieType tiet:tension . }
            """;
        assertEquals(new KindScore("tie", 1, 0, 0), score(draft, GOLD).kind(Kind.TIE));
        String wrongParties = PREFIXES + """
            src:a { src:x-t a ent:DiplomaticTie ; ent:party state:prk , state:usa , state:kor ; ent:tieType tiet:tension . }
            """;
        assertEquals(new KindScore("tie", 0, 1, 1), score(wrongParties, GOLD).kind(Kind.TIE));
    }

    @Test
    void matchingIsOneToOne() {
        String draft = PREFIXES + """
            src:a {
              src:x-t1 a ent:DiplomaticTie ; ent:party state:prk , state:usa ; ent:tieType tiet:tension .
              src:x-t2 a ent:DiplomaticTie ; ent:party state:usa , state:prk ; ent:tieType tiet:tension .
            }
            """;
        assertEquals(new KindScore("tie", 1, 1, 0), score(draft, GOLD).kind(Kind.TIE));
    }

    @Test
    void aLooseMatchDoesNotBlockASecondStatement() {
        // Two gold participations of Kim: in a 2018 summit (by IRI) and in a summit of unknown year.
        // The draft names the second by IRI and the first only by type and year: both must be found.
        String gold = PREFIXES + """
            src:g {
              event:s2018 a ent:Summit ; ent:date "2018-06-12"^^xsd:date .
              event:later a ent:Summit .
              src:x-g1 a ent:Participation ; ent:participant person:kim-jong-un ; ent:event event:s2018 ; ent:status status:attended .
              src:x-g2 a ent:Participation ; ent:participant person:kim-jong-un ; ent:event event:later ; ent:status status:attended .
            }
            """;
        String draft = PREFIXES + """
            src:d {
              src:x-mine a ent:Summit ; ent:date "2018-06-12"^^xsd:date .
              event:later a ent:Summit .
              src:x-d1 a ent:Participation ; ent:participant person:kim-jong-un ; ent:event src:x-mine ; ent:status status:attended .
              src:x-d2 a ent:Participation ; ent:participant person:kim-jong-un ; ent:event event:later ; ent:status status:attended .
            }
            """;
        assertEquals(new KindScore("participation", 2, 0, 0), score(draft, gold).kind(Kind.PARTICIPATION));
    }

    @Test
    void stanceTowardAnEventMatchesByItsSignatureAndChecksAttribution() {
        String draft = PREFIXES + """
            src:a {
              src:x-ev a ent:Summit ; ent:date "2018-06-12"^^xsd:date .
              src:x-s a ent:Stance ; ent:from state:jpn ; ent:toward src:x-ev ; ent:stanceType stt:praise ; ent:certainty cert:stated .
            }
            """;
        ScoreReport r = score(draft, GOLD);
        assertEquals(new KindScore("stance", 1, 0, 0), r.kind(Kind.STANCE));
        assertEquals(0, r.agreement("attribution").agree());
        assertEquals(1, r.agreement("attribution").total());
    }

    @Test
    void aDraftThatNamesTheGoldsEventByIriWithoutTypingItStillMatches() {
        // A draft links to the store's event and does not restate its types or date.
        String draft = PREFIXES + """
            src:a {
              src:x-s a ent:Stance ; ent:from state:jpn ; ent:toward event:2018-06-12-singapore-summit ; ent:stanceType stt:praise .
              src:x-p a ent:Participation ; ent:participant person:kim-jong-un ; ent:event event:2018-06-12-singapore-summit ;
                  ent:status status:attended .
            }
            """;
        ScoreReport r = score(draft, GOLD);
        assertEquals(new KindScore("stance", 1, 0, 0), r.kind(Kind.STANCE));
        assertEquals(1, r.kind(Kind.PARTICIPATION).tp());
    }

    @Test
    void aBackgroundStoreGivesTheTypesAndDatesOfEventsTheDraftOnlyNames() {
        // The draft names its own event IRI, typed and dated only in the background (the store it links to).
        String draft = PREFIXES + """
            src:a { src:x-p a ent:Participation ; ent:participant person:kim-jong-un ; ent:event event:store-summit ;
                        ent:status status:attended . }
            """;
        String background = PREFIXES + """
            src:ref { event:store-summit a ent:Summit ; ent:date "2018-06-12"^^xsd:date . }
            """;
        assertEquals(0, score(draft, GOLD).kind(Kind.PARTICIPATION).tp());
        ScoreReport withBackground = IngestScorer.create().background(trig(background)).build().score("t", trig(draft), trig(GOLD));
        assertEquals(1, withBackground.kind(Kind.PARTICIPATION).tp());
    }

    @Test
    void anEmptyDraftGivesRecallZeroNotAnException() {
        ScoreReport r = score(PREFIXES, GOLD);
        assertEquals(0.0, r.micro().recall());
        assertEquals(0.0, r.micro().precision());
        assertEquals(0.0, r.micro().f1());
        assertEquals(4, r.misses().size());
        ScoreReport bothEmpty = score(PREFIXES, PREFIXES);
        assertEquals(1.0, bothEmpty.micro().f1());
    }

    @Test
    void quotesOverlapWhenOneContainsTheOtherWhateverTheApostrophes() {
        assertTrue(IngestScorer.quotesOverlap(java.util.List.of("North Korea\u2019s leader Kim Jong Un"),
                                              java.util.List.of("Korea's leader")));
        assertEquals(false, IngestScorer.quotesOverlap(java.util.List.of("Putin"), java.util.List.of("Xi Jinping")));
    }

    @Test
    void reportsSumAndPrintAsMarkdown() {
        ScoreReport a = score(GOLD, GOLD);
        ScoreReport b = score(PREFIXES, GOLD);
        ScoreReport sum = ScoreReport.sum("dev", java.util.List.of(a, b));
        assertEquals(new KindScore("micro-average", 4, 0, 4), sum.micro());
        assertEquals(0.5, sum.micro().recall());
        String md = sum.toMarkdown();
        assertTrue(md.contains("| participation | 4 | 2 | 2 | 0 | 2 | 1.000 | 0.500 | 0.667 |"), md);
        assertTrue(md.contains("| micro-average | 8 | 4 | 4 | 0 | 4 |"), md);
        assertTrue(md.contains("| certainty | 4 | 4 | 1.000 |"), md);
        assertTrue(sum.missesAsMarkdown().contains("FN t: participation person/kim-jong-un participation-status/attended"), sum.missesAsMarkdown());
    }
}
