package barometer.api.snapshot;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Snapshots on disk, one JSON file each ({@code <folder>/<id>.json}), outside the index so that re-indexing or
 * a new index leaves them. A file is written to a temporary name and moved into place, so a kill never leaves
 * half a snapshot; nothing is kept in memory, so what a restarted service serves is what is on disk.
 */
public final class SnapshotStore {
    /** Ids are 10 characters of an alphabet without look-alikes (no 0/o, 1/l/i): safe in paths and citations. */
    private static final String ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz";
    private static final Pattern ID = Pattern.compile("[" + ALPHABET + "]{10}");

    private final Path folder;
    private final ObjectMapper json;
    private final int max;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param folder where snapshots live (created when missing)
     * @param json the mapper that writes and reads them
     * @param max the most snapshots kept; {@link #save} refuses beyond it
     */
    public SnapshotStore(Path folder, ObjectMapper json, int max) {
        this.folder = folder;
        this.json = json;
        this.max = max;
    }

    /** A fresh id no snapshot has. */
    public String newId() {
        while (true) {
            StringBuilder id = new StringBuilder();
            for (int i = 0; i < 10; i++) {
                id.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            if (!Files.exists(file(id.toString()))) {
                return id.toString();
            }
        }
    }

    /** Whether {@code id} could name a snapshot (anything else is not looked up). */
    public static boolean isId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    /** Writes a new snapshot; false when {@link #max} are kept already. */
    public synchronized boolean save(Snapshot snapshot) {
        try {
            Files.createDirectories(folder);
            if (count() >= max) {
                return false;
            }
            Path target = file(snapshot.id());
            if (Files.exists(target)) {
                throw new IllegalStateException("snapshot " + snapshot.id() + " exists and is never rewritten");
            }
            Path tmp = folder.resolve(snapshot.id() + ".json.tmp");
            json.writeValue(tmp.toFile(), snapshot);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target);
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write snapshot " + snapshot.id(), e);
        }
    }

    /** The snapshot of that id, if there is one. */
    public Optional<Snapshot> find(String id) {
        if (!isId(id)) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(file(id).toFile(), Snapshot.class));
        } catch (java.io.FileNotFoundException | NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read snapshot " + id, e);
        }
    }

    /** Every snapshot's summary, newest first. */
    public List<Snapshot.Summary> list() {
        List<Snapshot.Summary> out = new ArrayList<>();
        for (Path p : files()) {
            String name = p.getFileName().toString();
            find(name.substring(0, name.length() - ".json".length())).ifPresent(s -> out.add(s.summary()));
        }
        out.sort(Comparator.comparing(Snapshot.Summary::created).reversed());
        return out;
    }

    /** Deletes a snapshot; false when there was none. */
    public synchronized boolean delete(String id) {
        if (!isId(id)) {
            return false;
        }
        try {
            return Files.deleteIfExists(file(id));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete snapshot " + id, e);
        }
    }

    private int count() {
        return files().size();
    }

    private List<Path> files() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> {
                String n = p.getFileName().toString();
                return n.endsWith(".json") && isId(n.substring(0, n.length() - 5));
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }

    private Path file(String id) {
        return folder.resolve(id + ".json");
    }
}
