package barometer.indexer.story;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The stories of the last articles added, by MinHash band, in memory: copies of a wire story tend to
 * arrive together, often before a searcher can see the first one, and this finds them without reopening
 * the index after every article. Older articles are found through the index itself.
 */
public final class RecentStories {
    private record Entry(String url, String story, int[] signature) {
    }

    private final int capacity;
    private final Deque<Entry> order = new ArrayDeque<>();
    private final Map<String, List<Entry>> byBand = new HashMap<>();

    public RecentStories(int capacity) {
        this.capacity = capacity;
    }

    /** The story of a recent near-duplicate of this signature (not under the same URL), if any. */
    public synchronized Optional<String> storyOf(String url, int[] signature) {
        for (String band : MinHash.bands(signature)) {
            for (Entry e : byBand.getOrDefault(band, List.of())) {
                if (!e.url().equals(url) && MinHash.similarity(signature, e.signature()) >= MinHash.SAME_STORY) {
                    return Optional.of(e.story());
                }
            }
        }
        return Optional.empty();
    }

    public synchronized void remember(String url, String story, int[] signature) {
        Entry entry = new Entry(url, story, signature);
        order.addLast(entry);
        for (String band : MinHash.bands(signature)) {
            byBand.computeIfAbsent(band, b -> new java.util.ArrayList<>()).add(entry);
        }
        if (order.size() > capacity) {
            Entry oldest = order.removeFirst();
            for (String band : MinHash.bands(oldest.signature())) {
                List<Entry> list = byBand.get(band);
                list.remove(oldest);
                if (list.isEmpty()) {
                    byBand.remove(band);
                }
            }
        }
    }
}
