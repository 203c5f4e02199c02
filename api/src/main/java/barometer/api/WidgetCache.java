package barometer.api;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Rendered widgets of the current index version, by their normalised request ({@link WidgetRequest#cacheKey}): the
 * same widget asked again costs a map lookup. Bounded by bytes, least recently used first out; an entry of an older
 * index version is rendered afresh when asked for.
 */
@ApplicationScoped
class WidgetCache {
    /** Bytes of rendered images kept at most. */
    static final long MAX_BYTES = 32L * 1024 * 1024;

    private record Entry(long version, byte[] bytes) {
    }

    private final long maxBytes;
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(64, 0.75f, true);
    private long bytes;

    WidgetCache() {
        this(MAX_BYTES);
    }

    WidgetCache(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    byte[] get(long version, String key, Supplier<byte[]> render) {
        synchronized (this) {
            Entry e = entries.get(key);
            if (e != null && e.version() == version) {
                return e.bytes();
            }
        }
        byte[] rendered = render.get(); // outside the lock: drawing takes milliseconds
        synchronized (this) {
            Entry old = entries.put(key, new Entry(version, rendered));
            bytes += rendered.length - (old == null ? 0 : old.bytes().length);
            Iterator<Map.Entry<String, Entry>> eldest = entries.entrySet().iterator();
            while (bytes > maxBytes && eldest.hasNext()) {
                Entry out = eldest.next().getValue();
                eldest.remove();
                bytes -= out.bytes().length;
            }
        }
        return rendered;
    }

    /** Bytes held now. */
    synchronized long bytes() {
        return bytes;
    }

    /** Entries held now. */
    synchronized int size() {
        return entries.size();
    }
}
