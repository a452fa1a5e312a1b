package org.entente.ingest.link;

import java.util.List;

/**
 * Words of the article that stand for a thing: where they are (Java {@code String} offsets), the
 * thing chosen, the other things considered, how sure the linker is, and how it matched
 * (label, alt, code, demonym, seat, alias, role, new).
 */
public record Mention(int sentence, int firstToken, int lastToken, int begin, int end, String surface,
                      Thing thing, List<Thing> alternatives, double confidence, String via) {

    /** Whether the thing was named by a demonym or a role phrase, which modify a noun rather than stand alone. */
    public boolean modifier() {
        return via.equals("demonym");
    }
}
