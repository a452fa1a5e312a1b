package org.entente.server.limits;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class ConcurrencyGateTest {

    @Test
    void asManyEnterAsThereArePlacesAndOneMoreIsTurnedAwayAfterTheWait() {
        ConcurrencyGate gate = new ConcurrencyGate(2, 50);
        assertTrue(gate.enter());
        assertTrue(gate.enter());
        long start = System.nanoTime();
        assertFalse(gate.enter());
        assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(50), "it waited before turning away");
    }

    @Test
    void aPlaceGivenBackCanBeTakenAgain() {
        ConcurrencyGate gate = new ConcurrencyGate(1, 10);
        assertTrue(gate.enter());
        gate.leave();
        assertTrue(gate.enter());
    }

    @Test
    void oneWhoWaitsGetsAPlaceThatComesFreeWithinTheWait() throws Exception {
        ConcurrencyGate gate = new ConcurrencyGate(1, 10_000);
        assertTrue(gate.enter());
        CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(gate::enter);
        Thread.sleep(100);
        assertFalse(waiting.isDone(), "the second waits while the place is taken");
        gate.leave();
        assertTrue(waiting.get(10, TimeUnit.SECONDS));
    }

    @Test
    void anInterruptedWaitIsTurnedAway() {
        ConcurrencyGate gate = new ConcurrencyGate(1, 10_000);
        assertTrue(gate.enter());
        Thread.currentThread().interrupt();
        try {
            assertFalse(gate.enter());
            assertTrue(Thread.currentThread().isInterrupted(), "the interrupt is kept");
        } finally {
            Thread.interrupted();
        }
    }
}
