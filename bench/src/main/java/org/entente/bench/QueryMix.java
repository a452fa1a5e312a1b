package org.entente.bench;

import java.util.List;
import java.util.SplittableRandom;

import org.entente.generate.Generator;

/**
 * The benchmark's query mix over generated data: look-ups a browsing user and an analyst make. Every
 * query names its graphs (GRAPH ?g), so a store with or without a union default graph gives the same
 * answers. Values are drawn from a seeded generator, so both servers get the same sequence.
 */
final class QueryMix {
    static final int SIZE = 5;
    private static final String P = "PREFIX ent: <https://w3id.org/entente/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> ";
    private static final String ID = "https://w3id.org/entente/id/";

    private QueryMix() {}

    static List<String> mix(SplittableRandom rnd, int articles) {
        int a = rnd.nextInt(articles);
        String state = ID + Generator.statePath(rnd.nextInt(10));
        String person = ID + Generator.personPath(rnd.nextInt(10), rnd.nextInt(Generator.PERSONS_PER_STATE));
        return List.of(
            P + "SELECT ?who ?status WHERE { GRAPH ?g { ?p ent:event <" + ID + "event/gen-" + a + "> ; ent:participant ?who ; ent:status ?status } }",
            P + "SELECT ?l WHERE { GRAPH ?g { <" + state + "> rdfs:label ?l } }",
            P + "SELECT ?status (COUNT(?p) AS ?n) WHERE { GRAPH <" + ID + "source/gen-article-" + a + "> { ?p ent:status ?status } } GROUP BY ?status",
            P + "SELECT ?office ?start WHERE { GRAPH ?g { ?t ent:holder <" + person + "> ; ent:office ?office ; ent:startDate ?start } }",
            P + "SELECT ?t ?type WHERE { GRAPH ?g { ?t ent:party <" + state + "> ; ent:tieType ?type } } LIMIT 50");
    }
}
