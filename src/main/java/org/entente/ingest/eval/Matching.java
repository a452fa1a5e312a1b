package org.entente.ingest.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One-to-one matching of draft statements to gold statements of one kind: a gold statement is found
 * by at most one draft statement and the other way round. Pairs that name the same event IRI are
 * taken first; then augmenting paths (Kuhn's algorithm) make the matching as large as it can be, so
 * that a loose match (same type and year) never blocks a second statement from being found.
 */
final class Matching {
    private Matching() {}

    /** For each gold statement, the index of the draft statement that matches it, or -1. */
    static int[] match(List<Statement> draft, List<Statement> gold) {
        List<List<Integer>> edges = new ArrayList<>();
        for (Statement g : gold) {
            List<Integer> candidates = new ArrayList<>();
            for (int d = 0; d < draft.size(); d++)
                if (draft.get(d).key().matches(g.key()))
                    candidates.add(d);
            edges.add(candidates);
        }
        int[] goldToDraft = new int[gold.size()];
        int[] draftToGold = new int[draft.size()];
        Arrays.fill(goldToDraft, -1);
        Arrays.fill(draftToGold, -1);
        // Exact pairs first, greedily.
        for (int g = 0; g < gold.size(); g++)
            for (int d : edges.get(g))
                if (draftToGold[d] < 0 && draft.get(d).key().matchesExactly(gold.get(g).key())) {
                    goldToDraft[g] = d;
                    draftToGold[d] = g;
                    break;
                }
        // Then grow the matching along augmenting paths.
        for (int g = 0; g < gold.size(); g++)
            if (goldToDraft[g] < 0)
                augment(g, edges, goldToDraft, draftToGold, new boolean[draft.size()]);
        return goldToDraft;
    }

    private static boolean augment(int g, List<List<Integer>> edges, int[] goldToDraft, int[] draftToGold, boolean[] seen) {
        for (int d : edges.get(g)) {
            if (seen[d])
                continue;
            seen[d] = true;
            if (draftToGold[d] < 0 || augment(draftToGold[d], edges, goldToDraft, draftToGold, seen)) {
                goldToDraft[g] = d;
                draftToGold[d] = g;
                return true;
            }
        }
        return false;
    }
}
