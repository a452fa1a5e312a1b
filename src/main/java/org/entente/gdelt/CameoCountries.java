package org.entente.gdelt;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.entente.sys.EntenteException;
import org.entente.sys.EntenteSys;

/**
 * Where a CAMEO country code leads: CAMEO uses ISO 3166-1 alpha-3 codes for countries, so most
 * codes name the territory {@code .../id/state/{lowercase code}}; the exceptions (older codes,
 * Kosovo, regions such as AFR or WST that are no territory) are the table
 * {@code gdelt/cameo-countries.tsv}.
 */
public final class CameoCountries {
    private static final String TABLE = "gdelt/cameo-countries.tsv";
    private static final Pattern CODE = Pattern.compile("[A-Z]{3}");
    private static final String NONE = "-";
    private static final Map<String, String> EXCEPTIONS = read();

    private CameoCountries() {}

    /** The territory a CAMEO country code names, or empty for a region, a group or a code of no known form. */
    public static Optional<Node> territory(String cameoCountry) {
        if (cameoCountry == null || !CODE.matcher(cameoCountry).matches())
            return Optional.empty();
        String slug = EXCEPTIONS.getOrDefault(cameoCountry, cameoCountry.toLowerCase(Locale.ROOT));
        if (slug.equals(NONE))
            return Optional.empty();
        return Optional.of(NodeFactory.createURI(EntenteSys.ID_BASE + "state/" + slug));
    }

    private static Map<String, String> read() {
        Map<String, String> table = new HashMap<>();
        try (InputStream in = CameoCountries.class.getClassLoader().getResourceAsStream(TABLE)) {
            if (in == null)
                throw new EntenteException("Missing resource " + TABLE);
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank() || line.startsWith("#"))
                    continue;
                String[] cols = line.split("\t");
                table.put(cols[0], cols[1]);
            }
        } catch (IOException ex) {
            throw new EntenteException("Cannot read " + TABLE + ": " + ex.getMessage(), ex);
        }
        return Map.copyOf(table);
    }
}
