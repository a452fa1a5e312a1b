package org.entente.server.limits;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DatasetConflictCheckTest {

    static final String WITH = "WITH <http://e/g> DELETE { ?s ?p 1 } INSERT { ?s ?p 2 } WHERE { ?s ?p 1 }";
    static final String USING = "DELETE { ?s ?p 1 } USING <http://e/g> WHERE { ?s ?p 1 }";
    static final String USING_NAMED = "DELETE { ?s ?p 1 } USING NAMED <http://e/g> WHERE { GRAPH ?g { ?s ?p 1 } }";
    static final String PLAIN = "DELETE { ?s ?p 1 } WHERE { ?s ?p 1 }";

    @Test
    void anUpdateNamesItsDatasetWithWithUsingOrUsingNamed() {
        assertTrue(DatasetConflictCheck.namesDataset(WITH));
        assertTrue(DatasetConflictCheck.namesDataset(USING));
        assertTrue(DatasetConflictCheck.namesDataset(USING_NAMED));
        assertTrue(DatasetConflictCheck.namesDataset("INSERT DATA { <http://e/s> <http://e/p> 1 } ; " + USING));
    }

    @Test
    void anUpdateWithoutThemNamesNoDataset() {
        assertFalse(DatasetConflictCheck.namesDataset(PLAIN));
        assertFalse(DatasetConflictCheck.namesDataset("INSERT DATA { <http://e/s> <http://e/p> 1 }"));
    }

    @Test
    void textThatIsNoUpdateIsLeftToFuseki() {
        assertFalse(DatasetConflictCheck.namesDataset("WITH <http://e/g> DELETE { broken"));
        assertFalse(DatasetConflictCheck.namesDataset("SELECT * { ?s ?p ?o }"));
    }

    @Test
    void itIsAConflictOnlyWhenTheProtocolNamesTheDatasetToo() {
        assertTrue(DatasetConflictCheck.conflict(true, WITH));
        assertFalse(DatasetConflictCheck.conflict(false, WITH));
        assertFalse(DatasetConflictCheck.conflict(true, PLAIN));
    }
}
