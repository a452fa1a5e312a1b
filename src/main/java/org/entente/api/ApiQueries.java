package org.entente.api;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.entente.query.NamedQuery;
import org.entente.query.QueryLib;
import org.entente.sys.EntenteException;

/** The named queries the API serves, by name, read once from a folder. */
final class ApiQueries {

    private final Map<String, NamedQuery> byName;

    private ApiQueries(Map<String, NamedQuery> byName) {
        this.byName = byName;
    }

    /** Every {@code *.rq} of a folder (none when the folder is null or absent). A query may not take a paging parameter's name. */
    static ApiQueries read(Path folder) {
        Map<String, NamedQuery> out = new LinkedHashMap<>();
        if (folder != null && Files.isDirectory(folder)) {
            for (NamedQuery nq : QueryLib.readAll(folder)) {
                nq.params().stream().filter(p -> ApiParams.RESERVED.contains(p.name())).findFirst().ifPresent(p -> {
                    throw new EntenteException(nq.name() + ".rq: parameter '" + p.name() + "' is reserved by the web API");
                });
                out.put(nq.name(), nq);
            }
        }
        return new ApiQueries(Collections.unmodifiableMap(out));
    }

    Optional<NamedQuery> get(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    Collection<NamedQuery> all() {
        return byName.values();
    }
}
