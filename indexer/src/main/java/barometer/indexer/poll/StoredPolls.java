package barometer.indexer.poll;

import barometer.crawler.poll.Poll;
import barometer.indexer.PollFilter;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Every stored poll, parsed, kept in memory between reads: requests and commits then never re-read thousands of
 * stored JSON polls. Read again when the index's version moved since they were read (another process sharing a
 * cluster may have added some); the store's own additions replace them at once ({@link #replace}).
 */
public final class StoredPolls {
    private record Loaded(long version, List<Poll> polls) {
    }

    private final Supplier<List<Poll>> load;
    private final LongSupplier version;
    private volatile Loaded loaded;

    /**
     * @param load reads every stored poll from the store
     * @param version the store's version, or a constant when no other process writes to it
     */
    public StoredPolls(Supplier<List<Poll>> load, LongSupplier version) {
        this.load = load;
        this.version = version;
    }

    /** The stored polls that pass a filter, oldest first. */
    public List<Poll> matching(PollFilter filter) {
        return all().stream().filter(filter::test).toList();
    }

    /** Every stored poll, oldest first. */
    public List<Poll> all() {
        long now = version.getAsLong();
        Loaded current = loaded;
        if (current != null && current.version() == now) {
            return current.polls();
        }
        synchronized (this) {
            current = loaded;
            if (current == null || current.version() != now) {
                current = new Loaded(now, PollMerge.sortedByDate(load.get()));
                loaded = current;
            }
            return current.polls();
        }
    }

    /** What the store holds after its own change (oldest first, as {@link PollMerge#all()} gives it). */
    public void replace(List<Poll> polls) {
        loaded = new Loaded(version.getAsLong(), List.copyOf(polls));
    }

    /** Forgets what was read (the store's data was deleted). */
    public void forget() {
        loaded = null;
    }
}
