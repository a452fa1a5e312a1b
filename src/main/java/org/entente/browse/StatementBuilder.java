package org.entente.browse;

import java.util.ArrayList;
import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.vocabulary.RDF;
import org.entente.browse.view.Statement;
import org.entente.vocab.ENT;

/** The n-ary statements a resource takes part in, as sentences with their source, certainty and quotes. */
final class StatementBuilder {
    private StatementBuilder() {}

    static List<Statement> build(Description d, Linker linker, SentenceBuilder sentences) {
        List<Statement> out = new ArrayList<>();
        for (Node node : d.naryNodes()) {
            Node cls = d.first(node, RDF.type.asNode());
            List<String> quotes = new ArrayList<>();
            d.find(node, ENT.node(ENT.quote), Node.ANY).forEachRemaining(q -> quotes.add(q.getObject().getLiteralLexicalForm()));
            out.add(new Statement(linker.label(cls), sentences.sentence(node, cls), linker.iris().href(node).orElse(""),
                                  linker.linkOrNull(d.graphOf(node)), linker.label(d.first(node, ENT.node(ENT.certainty))),
                                  sentences.attribution(d.first(node, ENT.node(ENT.attributedTo))), List.copyOf(quotes)));
        }
        return out;
    }
}
