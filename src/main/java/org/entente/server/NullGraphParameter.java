package org.entente.server;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * RDF4J's SPARQLRepository asks for "the default graph" with {@code default-graph-uri=null} (and
 * likewise {@code using-graph-uri=null} on updates): the
 * word "null", which is no IRI, not a graph name. Read as a graph name it selects an empty graph,
 * so RDF4J clients would see nothing. This filter drops that one parameter value, which leaves the
 * request meaning what the client meant: the endpoint's default graph.
 */
final class NullGraphParameter implements Filter {

    static final java.util.List<String> PARAMS = java.util.List.of("default-graph-uri", "named-graph-uri", "using-graph-uri", "using-named-graph-uri");

    @Override
    public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        boolean hasNull = false;
        for (String param : PARAMS) {
            String[] values = request.getParameterValues(param);
            if (values != null)
                for (String v : values)
                    hasNull |= "null".equals(v);
        }
        chain.doFilter(hasNull ? new Without(request) : req, resp);
    }

    private static final class Without extends HttpServletRequestWrapper {
        private final Map<String, String[]> params;

        Without(HttpServletRequest request) {
            super(request);
            Map<String, String[]> m = new LinkedHashMap<>(request.getParameterMap());
            for (String param : PARAMS) {
                if (!m.containsKey(param))
                    continue;
                String[] kept = java.util.Arrays.stream(m.get(param)).filter(v -> !"null".equals(v)).toArray(String[]::new);
                if (kept.length == 0)
                    m.remove(param);
                else
                    m.put(param, kept);
            }
            this.params = Collections.unmodifiableMap(m);
        }

        @Override
        public String getParameter(String name) {
            String[] v = params.get(name);
            return v == null || v.length == 0 ? null : v[0];
        }

        @Override
        public String[] getParameterValues(String name) {
            return params.get(name);
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return params;
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(params.keySet());
        }

        @Override
        public String getQueryString() {
            String q = super.getQueryString();
            return q == null ? null : q.replaceAll("(^|&)(default-graph-uri|named-graph-uri|using-graph-uri|using-named-graph-uri)=null(?=&|$)", "").replaceFirst("^&", "");
        }
    }
}
