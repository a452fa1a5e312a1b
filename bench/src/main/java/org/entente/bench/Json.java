package org.entente.bench;

import java.util.Map;

/** A few lines of JSON writing for the results (numbers, booleans, strings, lists and nested maps). */
final class Json {
    private Json() {}

    static String write(Object v) {
        if (v instanceof Map<?, ?> m) {
            StringBuilder sb = new StringBuilder("{");
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                sb.append(first ? "" : ",").append('"').append(escape(e.getKey().toString())).append("\":").append(write(e.getValue()));
                first = false;
            }
            return sb.append('}').toString();
        }
        if (v instanceof java.util.List<?> l) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < l.size(); i++)
                sb.append(i == 0 ? "" : ",").append(write(l.get(i)));
            return sb.append(']').toString();
        }
        if (v instanceof Number || v instanceof Boolean)
            return v.toString();
        return "\"" + escape(String.valueOf(v)) + "\"";
    }

    private static String escape(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                default -> {
                    if (c < 0x20)
                        sb.append(String.format("\\u%04x", (int) c));
                    else
                        sb.append(c);
                }
            }
        }
        return sb.toString();
    }
}
