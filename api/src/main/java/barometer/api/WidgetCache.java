package barometer.api;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Rendered widgets of the current index version, by request URI: the same widget asked again costs a map lookup.
 * Everything is dropped when the index changes, and when more than {@link #MAX_ENTRIES} distinct widgets pile up.
 */
@ApplicationScoped
class WidgetCache {
    static final int MAX_ENTRIES = 2_000;

    private record Entry(long version, byte[] bytes) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    byte[] get(long version, String key, Supplier<byte[]> render) {
        Entry e = entries.get(key);
        if (e != null && e.version() == version) {
            return e.bytes();
        }
        byte[] bytes = render.get();
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(key, new Entry(version, bytes));
        return bytes;
    }
}
