package org.entente.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.entente.federation.ServicePolicy;

import picocli.CommandLine.Option;

/** The options that say where {@code SERVICE} may go, shared by the commands that run queries. */
final class FederationOptions {

    @Option(names = "--wikidata-endpoint", paramLabel = "URL", defaultValue = ServicePolicy.WIKIDATA,
            description = "Where SERVICE <" + ServicePolicy.WIKIDATA + "> is sent (default: ${DEFAULT-VALUE}).")
    String wikidataEndpoint;

    @Option(names = "--allow-service", paramLabel = "URL",
            description = "Also allow SERVICE to this endpoint (repeatable). No other endpoint is ever contacted.")
    List<String> allowed = new ArrayList<>();

    @Option(names = "--service-cache", paramLabel = "SECONDS", defaultValue = "600",
            description = "How long remote answers are reused (default: ${DEFAULT-VALUE}; 0 for never).")
    long cacheSeconds;

    @Option(names = "--service-timeout", paramLabel = "SECONDS", defaultValue = "20",
            description = "The longest one remote request may take (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    ServicePolicy policy() {
        return ServicePolicy.create().wikidataEndpoint(wikidataEndpoint).allow(allowed)
                            .cacheTtl(Duration.ofSeconds(cacheSeconds)).readTimeout(Duration.ofSeconds(timeoutSeconds)).build();
    }
}
