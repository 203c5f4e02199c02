package barometer.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TaggingShareTest {

    @Test
    void threePartsCoverEverySlotOnceInEqualRuns() {
        assertEquals(0, new TaggingShare(0, 3).fromSlot());
        assertEquals(1365, new TaggingShare(0, 3).toSlot());
        assertEquals(1365, new TaggingShare(1, 3).fromSlot());
        assertEquals(2730, new TaggingShare(1, 3).toSlot());
        assertEquals(2730, new TaggingShare(2, 3).fromSlot());
        assertEquals(4096, new TaggingShare(2, 3).toSlot());
        assertEquals(0, TaggingShare.ALL.fromSlot());
        assertEquals(4096, TaggingShare.ALL.toSlot());
    }

    @Test
    void theSlotIsTheFirstTwelveBitsOfTheUrlsSha256() {
        // sha256("http://news.test/p") starts 2dd...: 0x2dd = 733.
        assertEquals(733, TaggingShare.slot("http://news.test/p"));
        assertEquals(3562, TaggingShare.slot("http://news.test/q0"));
        assertTrue(new TaggingShare(0, 2).holds("http://news.test/p"));
        assertFalse(new TaggingShare(1, 2).holds("http://news.test/p"));
        assertTrue(new TaggingShare(1, 2).holds("http://news.test/q0"));
        assertTrue(TaggingShare.ALL.holds("http://news.test/q0"));
    }

    @Test
    void aPartOutsideItsCountIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new TaggingShare(2, 2));
        assertThrows(IllegalArgumentException.class, () -> new TaggingShare(-1, 2));
        assertThrows(IllegalArgumentException.class, () -> new TaggingShare(0, 0));
    }
}
