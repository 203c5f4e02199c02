package barometer.indexer.trend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LongSetTest {

    @Test
    void countsEachValueOnceThroughGrowth() {
        LongSet set = new LongSet();
        for (long v = -500; v < 500; v++) {
            assertTrue(set.add(v * 7919));
        }
        for (long v = -500; v < 500; v++) {
            assertFalse(set.add(v * 7919));
        }
        assertEquals(1000, set.size());
    }

    @Test
    void zeroAndTheExtremesAreValuesLikeAnyOther() {
        LongSet set = new LongSet();
        assertTrue(set.add(0));
        assertFalse(set.add(0));
        assertTrue(set.add(Long.MIN_VALUE));
        assertTrue(set.add(Long.MAX_VALUE));
        assertEquals(3, set.size());
    }

    @Test
    void addAllUnitesTwoSets() {
        LongSet a = new LongSet(), b = new LongSet();
        for (long v = 0; v < 40; v++) {
            a.add(v);
            b.add(v + 20);
        }
        a.addAll(b);
        assertEquals(60, a.size());
    }
}
