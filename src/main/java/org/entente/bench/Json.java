package org.entente.bench;

import java.util.Map;

/** A few lines of JSON writing for the results (numbers, strings and nested maps only). */
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
        if (v instanceof Number)
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
