package org.entente.api;

import org.apache.jena.fuseki.servlets.ActionErrorException;
import org.apache.jena.web.HttpSC;

/**
 * The API's failures, as Fuseki's own: an {@link ActionErrorException} with a status and a message,
 * thrown where the problem is found and answered as plain text by {@link ApiServlet}.
 * <pre>
 *   throw ApiErrors.badRequest("Parameter 'date': 'someday' is not a valid xsd:date");
 * </pre>
 */
final class ApiErrors {
    private ApiErrors() {}

    static ActionErrorException badRequest(String message) {
        return status(HttpSC.BAD_REQUEST_400, message);
    }

    static ActionErrorException status(int status, String message) {
        return new ActionErrorException(status, message, null);
    }
}
