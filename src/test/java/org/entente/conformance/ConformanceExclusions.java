package org.entente.conformance;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The conformance tests that are known to fail, each with its reason, from
 * {@code src/test/resources/conformance/NAME-exclusions.txt} ({@code test name | reason} per line).
 */
final class ConformanceExclusions {
    private ConformanceExclusions() {}

    static List<String> load(String name) {
        String res = "conformance/" + name + "-exclusions.txt";
        List<String> out = new ArrayList<>();
        try (InputStream in = ConformanceExclusions.class.getClassLoader().getResourceAsStream(res)) {
            if (in == null)
                return out;
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null;) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#"))
                    continue;
                int bar = line.indexOf('|');
                if (bar < 0)
                    throw new IllegalStateException(res + ": every exclusion needs a reason after '|': " + line);
                out.add(line.substring(0, bar).strip());
            }
        } catch (IOException ex) {
            throw new IllegalStateException("Cannot read " + res, ex);
        }
        return out;
    }
}
