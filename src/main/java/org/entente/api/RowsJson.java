package org.entente.api;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import com.google.gson.stream.JsonWriter;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.expr.NodeValue;

/**
 * Rows as a plain JSON array of objects, one key per variable: IRIs and literals as strings, numbers
 * of the XSD numeric types as JSON numbers, booleans as booleans, an unbound variable as null.
 * <pre>
 *   [ { "stateName": "China", "holderName": "Xi Jinping", "start": "2013-03-14", "end": null } ]
 * </pre>
 */
final class RowsJson {
    private RowsJson() {}

    static void write(Answer.Rows answer, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        JsonWriter json = new JsonWriter(w);
        json.setIndent(" ");
        json.beginArray();
        for (Binding row : answer.rows()) {
            json.beginObject();
            for (Var v : answer.vars()) {
                json.name(v.getVarName());
                value(json, row.get(v));
            }
            json.endObject();
        }
        json.endArray();
        json.flush();
        w.write('\n');
        w.flush();
    }

    static void write(boolean yes, OutputStream out) throws IOException {
        out.write((yes ? "true\n" : "false\n").getBytes(StandardCharsets.UTF_8));
    }

    private static void value(JsonWriter json, Node node) throws IOException {
        if (node == null) {
            json.nullValue();
            return;
        }
        if (node.isLiteral()) {
            NodeValue nv = NodeValue.makeNode(node);
            if (nv.isInteger()) {
                json.value(nv.getInteger());
                return;
            }
            if (nv.isDecimal()) {
                json.value(nv.getDecimal());
                return;
            }
            if ((nv.isDouble() || nv.isFloat()) && Double.isFinite(nv.getDouble())) {
                json.value(nv.getDouble());
                return;
            }
            if (nv.isBoolean()) {
                json.value(nv.getBoolean());
                return;
            }
            json.value(node.getLiteralLexicalForm());
            return;
        }
        if (node.isBlank()) {
            json.value("_:" + node.getBlankNodeLabel());
            return;
        }
        json.value(node.isURI() ? node.getURI() : node.toString());
    }
}
