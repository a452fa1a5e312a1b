package org.entente.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.entente.generate.Generator;
import org.entente.query.NamedQuery;
import org.entente.query.QueryLib;
import org.entente.sys.EntenteSys;

/**
 * The project's named queries ({@code queries/*.rq}, the local ones) as a workload over generated
 * data: each parameter gets a value that exists in the data (an event, a person, a state, a source,
 * a date), bound by a VALUES block put first in the parsed query's WHERE group (so that its filters
 * see the values, as with substitution), which is then sent over HTTP.
 */
final class Competency {
    private Competency() {}

    static List<Latency.Call> calls(Path queryDir, String endpoint, long triples, int count, long seed) {
        List<NamedQuery> queries = new ArrayList<>();
        for (NamedQuery nq : QueryLib.readAll(queryDir))
            if (!nq.name().startsWith("wikidata-"))
                queries.add(nq);
        SplittableRandom rnd = new SplittableRandom(seed);
        int states = Generator.stateCount(triples);
        int articles = Generator.articlesAtLeast(triples);
        List<Latency.Call> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            NamedQuery nq = queries.get(i % queries.size());
            Map<String, String> values = new HashMap<>();
            int a = rnd.nextInt(articles), st = rnd.nextInt(states);
            int year = 2000 + rnd.nextInt(26), month = 1 + rnd.nextInt(12);
            for (NamedQuery.QueryParam p : nq.params()) {
                switch (p.name()) {
                    case "event" -> values.put("event", EntenteSys.ID_BASE + "event/gen-" + a);
                    case "source" -> values.put("source", EntenteSys.ID_BASE + "source/gen-article-" + a);
                    case "person" -> values.put("person", EntenteSys.ID_BASE + Generator.personPath(st, rnd.nextInt(Generator.PERSONS_PER_STATE)));
                    case "state" -> values.put("state", EntenteSys.ID_BASE + Generator.statePath(st));
                    case "date" -> values.put("date", String.format("%04d-%02d-15", year, month));
                    case "from" -> values.put("from", String.format("%04d-%02d-01", year, month));
                    case "to" -> values.put("to", String.format("%04d-%02d-28", year, month));
                    default -> { /* left unbound: the query answers for every value */ }
                }
            }
            Map<String, Node> bound = nq.bind(values);
            List<Var> vars = bound.keySet().stream().map(Var::alloc).toList();
            BindingBuilder row = BindingFactory.builder();
            bound.forEach((k, v) -> row.add(Var.alloc(k), v));
            Query q = bound.isEmpty() ? nq.query() : QueryLib.valuesFirst(nq.query(), vars, List.of(row.build()));
            String body = "query=" + URLEncoder.encode(q.serialize(), StandardCharsets.UTF_8);
            out.add(new Latency.Call(nq.name(), HttpRequest.newBuilder(URI.create(endpoint))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/sparql-results+json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build()));
        }
        return out;
    }
}
