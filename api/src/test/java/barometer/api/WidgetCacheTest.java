package barometer.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WidgetCacheTest {

    @Test
    void junkParametersDoNotMakeASecondEntry() {
        WidgetRequest plain = WidgetRequest.of(WidgetKind.TREND, "calexit", null, null, null, null, null, null, null, null, null, null);
        WidgetRequest spaced = WidgetRequest.of(WidgetKind.TREND, " calexit ", "articles", null, null, "month", null, null, "light", "600",
                "320", "");
        assertEquals(plain.cacheKey("png"), spaced.cacheKey("png"));
        WidgetRequest poll = WidgetRequest.of(WidgetKind.POLL, "ignored", null, null, null, null, "secession", "support", null, null,
                null, null);
        WidgetRequest pollOther = WidgetRequest.of(WidgetKind.POLL, "other", "tone", null, null, "year", "secession", "support", null,
                null, null, null);
        assertEquals(poll.cacheKey("svg"), pollOther.cacheKey("svg"));
    }

    @Test
    void theCacheIsBoundedByBytesAndDropsTheLeastRecentlyUsed() {
        WidgetCache cache = new WidgetCache(10);
        AtomicInteger renders = new AtomicInteger();
        cache.get(1, "a", () -> new byte[4]);
        cache.get(1, "b", () -> new byte[4]);
        cache.get(1, "a", () -> { renders.incrementAndGet(); return new byte[4]; });
        cache.get(1, "c", () -> new byte[4]);

        assertEquals(0, renders.get(), "a was still cached");
        assertEquals(8, cache.bytes());
        assertEquals(2, cache.size());
        cache.get(1, "b", () -> { renders.incrementAndGet(); return new byte[4]; });
        assertEquals(1, renders.get(), "b was the least recently used and went first");
    }

    @Test
    void aNewIndexVersionRendersAfresh() {
        WidgetCache cache = new WidgetCache(100);
        cache.get(1, "a", () -> new byte[] {1});
        assertEquals(2, cache.get(2, "a", () -> new byte[] {2})[0]);
        assertEquals(1, cache.bytes());
    }
}
