package barometer.indexer.poll;

import barometer.crawler.poll.Poll;
import barometer.indexer.PollsAdded;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What storing new polls beside the stored ones changes, decided once for every backend: a poll with a stored
 * poll's key ({@link Poll#key()}) and no new source changes nothing; a poll that another report already gave
 * ({@link Poll#sameAs}, same topic, no external id) is merged into it, keeping every source.
 *
 * @param deleted keys of stored polls to remove (each replaced by its merged poll, whose key may differ)
 * @param written polls to write, under their own keys
 * @param all every poll once the change is applied, oldest first
 * @param counts how many were added, merged and left unchanged
 */
public record PollMerge(List<String> deleted, List<Poll> written, List<Poll> all, PollsAdded counts) {
    public PollMerge {
        deleted = List.copyOf(deleted);
        written = List.copyOf(written);
        all = List.copyOf(all);
    }

    /** Whether the store must write anything. */
    public boolean changes() {
        return !written.isEmpty();
    }

    /** The change that storing {@code incoming} makes to {@code stored}. */
    public static PollMerge of(List<Poll> stored, List<Poll> incoming) {
        List<Poll> all = new ArrayList<>(stored);
        Map<String, Poll> byKey = new HashMap<>();
        all.forEach(p -> byKey.put(p.key(), p));
        List<String> deleted = new ArrayList<>();
        Map<String, Poll> written = new java.util.LinkedHashMap<>();
        int added = 0, merged = 0, unchanged = 0;
        for (Poll poll : incoming) {
            Poll same = byKey.get(poll.key());
            if (same != null && same.sources().containsAll(poll.sources())) {
                unchanged++;
                continue;
            }
            if (same == null && poll.externalId().isEmpty()) {
                same = all.stream().filter(p -> p.topic().equals(poll.topic()) && p.sameAs(poll))
                        .findFirst().orElse(null);
            }
            Poll result = same == null ? poll : same.mergedWith(poll);
            if (same != null) {
                deleted.add(same.key());
                written.remove(same.key());
                all.remove(same);
                byKey.remove(same.key());
                merged++;
            } else {
                added++;
            }
            written.put(result.key(), result);
            all.add(result);
            byKey.put(result.key(), result);
        }
        return new PollMerge(deleted, List.copyOf(written.values()), sortedByDate(all),
                new PollsAdded(added, merged, unchanged));
    }

    /** Polls oldest first (undated last), as stores hand them out. */
    public static List<Poll> sortedByDate(List<Poll> polls) {
        List<Poll> out = new ArrayList<>(polls);
        out.sort(Comparator.comparing(Poll::date, Comparator.nullsLast(Comparator.naturalOrder())));
        return List.copyOf(out);
    }
}
