package org.entente.server.limits;

import jakarta.servlet.http.HttpServletRequest;

import org.apache.jena.sparql.modify.request.UpdateWithUsing;
import org.apache.jena.update.Update;
import org.apache.jena.update.UpdateFactory;

/**
 * Refuses with {@code 400} an update that names its dataset both in the protocol
 * ({@code using-graph-uri}, {@code using-named-graph-uri}) and in the update itself ({@code USING},
 * {@code USING NAMED}, {@code WITH}), which SPARQL 1.1 Protocol section 2.2.3 makes an error. Fuseki
 * detects it too, but answers 500.
 * <p>
 * The update is the body of a SPARQL POST, or the text of a GET or form that has an {@code update}
 * parameter (the {@code query} parameter's text when there is one too, as the nesting check reads it).
 * Text that does not parse as an update is let through for Fuseki to report.
 */
public final class DatasetConflictCheck extends SparqlTextCheck {

    static final String DATASET_CONFLICT =
        "The request names a dataset with using-graph-uri or using-named-graph-uri and the update has USING, USING NAMED or WITH: SPARQL 1.1 Protocol section 2.2.3 forbids both";

    @Override
    String refusal(SparqlText found) {
        HttpServletRequest request = found.request();
        if (!found.fromBody() && request.getParameter("update") == null)
            return null;
        boolean protocolNamesDataset = request.getParameter("using-graph-uri") != null || request.getParameter("using-named-graph-uri") != null;
        return conflict(protocolNamesDataset, found.text()) ? DATASET_CONFLICT : null;
    }

    /** Whether the protocol and the update both name the dataset; the update is parsed only when the protocol does. */
    static boolean conflict(boolean protocolNamesDataset, String update) {
        return protocolNamesDataset && namesDataset(update);
    }

    /** Whether the update has {@code USING}, {@code USING NAMED} or {@code WITH}; false when it does not parse. */
    static boolean namesDataset(String update) {
        try {
            for (Update u : UpdateFactory.create(update).getOperations())
                if (u instanceof UpdateWithUsing w && (w.getWithIRI() != null || !w.getUsing().isEmpty() || !w.getUsingNamed().isEmpty()))
                    return true;
        } catch (RuntimeException ex) {
            return false;
        }
        return false;
    }
}
