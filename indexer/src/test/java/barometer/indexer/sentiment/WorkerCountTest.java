package barometer.indexer.sentiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WorkerCountTest {

    @Test
    void eightCoresUnderTheDefaultHeapGetTheTwoPipelinesItHolds() {
        WorkerCount count = WorkerCount.of(0, Parser.SHIFT_REDUCE, 8, 2048);
        assertEquals(2, count.workers());
        assertEquals("2 workers: 8 cores, a 2048 MB heap holds 2 shift-reduce pipelines of about 650 MB beside 400 MB "
                + "for the rest", count.reason());
    }

    @Test
    void fewCoresAreTheLimitWhenTheHeapIsLarge() {
        assertEquals(2, WorkerCount.of(0, Parser.SHIFT_REDUCE, 2, 16_384).workers());
        assertEquals(8, WorkerCount.of(0, Parser.PCFG, 8, 2048).workers());
    }

    @Test
    void aTinyHeapStillGetsOneWorker() {
        assertEquals(1, WorkerCount.of(0, Parser.SHIFT_REDUCE, 4, 512).workers());
    }

    @Test
    void aConfiguredCountIsKeptAndWarnedAboutWhenTheHeapIsTooSmall() {
        WorkerCount count = WorkerCount.of(6, Parser.SHIFT_REDUCE, 8, 2048);
        assertEquals(6, count.workers());
        assertTrue(count.reason().endsWith("the heap of 2048 MB holds about 2: raise -Xmx (BAROMETER_JAVA_OPTS) or "
                + "lower barometer.sentiment.workers"), count.reason());
    }
}
