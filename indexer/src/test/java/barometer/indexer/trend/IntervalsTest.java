package barometer.indexer.trend;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class IntervalsTest {

    @Test
    void theTQuantileTableGivesTheTextbookValues() {
        assertEquals(12.7062, Intervals.t95(1), 1e-4);
        assertEquals(2.2281, Intervals.t95(10), 1e-4);
        assertEquals(1.9840, Intervals.t95(100), 1e-4);
        // Either side of the table's end.
        assertEquals(1.96115, Intervals.t95(2000), 1e-5);
        assertEquals(1.96115, Intervals.t95(2001), 1e-5);
    }
}
