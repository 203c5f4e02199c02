package barometer.api.alert;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Saved searches and their alerts on disk ({@code <folder>/saved-searches.json}, {@code <folder>/<id>.json}), each
 * file written whole to a temporary name and moved into place. An alert log keeps the newest {@link #KEPT}
 * alerts; the keys of every alert and of the polls already seen are kept so nothing alerts twice.
 */
public final class AlertStore {
    /** Alerts kept per saved search (the Atom feed shows them). */
    public static final int KEPT = 200;

    /** A saved search's log: its alerts, newest first, and what it has alerted on or seen. */
    public record Log(List<Alert> alerts, Set<String> keys, Set<String> seenPolls, boolean pollsSeeded) {
        static final Log EMPTY = new Log(List.of(), Set.of(), Set.of(), false);
    }

    private final Path folder;
    private final ObjectMapper json;

    public AlertStore(Path folder, ObjectMapper json) {
        this.folder = folder;
        this.json = json;
    }

    public synchronized List<SavedSearch> searches() {
        Path file = folder.resolve("saved-searches.json");
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            return json.readValue(file.toFile(), new TypeReference<List<SavedSearch>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public Optional<SavedSearch> search(String id) {
        return searches().stream().filter(s -> s.id().equals(id)).findFirst();
    }

    public synchronized void add(SavedSearch search) {
        List<SavedSearch> all = new ArrayList<>(searches());
        all.add(search);
        write(folder.resolve("saved-searches.json"), all);
    }

    public synchronized boolean remove(String id) {
        List<SavedSearch> all = new ArrayList<>(searches());
        boolean removed = all.removeIf(s -> s.id().equals(id));
        if (removed) {
            write(folder.resolve("saved-searches.json"), all);
            try {
                Files.deleteIfExists(log(id));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete the alerts of " + id, e);
            }
        }
        return removed;
    }

    public synchronized Log log(SavedSearch search) {
        Path file = log(search.id());
        if (!Files.exists(file)) {
            return Log.EMPTY;
        }
        try {
            return json.readValue(file.toFile(), Log.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Adds alerts whose key is new (newest first, {@link #KEPT} kept) and records the polls seen. */
    public synchronized List<Alert> record(SavedSearch search, List<Alert> found, Set<String> pollsNow) {
        Log old = log(search);
        Set<String> keys = new HashSet<>(old.keys());
        List<Alert> fresh = new ArrayList<>();
        for (Alert a : found) {
            if (keys.add(a.key())) {
                fresh.add(a);
            }
        }
        List<Alert> alerts = new ArrayList<>(fresh.reversed());
        alerts.addAll(old.alerts());
        Set<String> seen = new HashSet<>(old.seenPolls());
        seen.addAll(pollsNow);
        write(log(search.id()), new Log(alerts.subList(0, Math.min(KEPT, alerts.size())), keys, seen,
                old.pollsSeeded() || search.rule() == AlertRule.NEW_POLL));
        return fresh;
    }

    private Path log(String id) {
        return folder.resolve(id + ".json");
    }

    private void write(Path file, Object value) {
        try {
            Files.createDirectories(folder);
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            json.writeValue(tmp.toFile(), value);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
