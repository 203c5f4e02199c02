package barometer.indexer.sentiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class WorkerCountTest {

    @Test
    void everyCoreGetsAWorkerBecauseTheyShareOneSetOfModels() {
        WorkerCount count = WorkerCount.of(0, Parser.SHIFT_REDUCE, 8, 2048);
        assertEquals(8, count.workers());
        assertEquals("8 workers: 8 cores, sharing one set of shift-reduce models of about 650 MB beside 400 MB for "
                + "the rest", count.reason());
    }

    @Test
    void aConfiguredCountIsKept() {
        WorkerCount count = WorkerCount.of(3, Parser.PCFG, 8, 2048);
        assertEquals(3, count.workers());
        assertEquals("3 workers as configured, sharing one set of pcfg models of about 150 MB beside 400 MB for the "
                + "rest", count.reason());
    }

    @Test
    void aHeapTooSmallForTheModelsIsWarnedAbout() {
        WorkerCount count = WorkerCount.of(0, Parser.SHIFT_REDUCE, 2, 512);
        assertEquals(2, count.workers());
        assertEquals("2 workers: 2 cores, sharing one set of shift-reduce models of about 650 MB beside 400 MB for "
                + "the rest; the heap of 512 MB is below the 1050 MB they need: raise -Xmx (BAROMETER_JAVA_OPTS)",
                count.reason());
    }
}
