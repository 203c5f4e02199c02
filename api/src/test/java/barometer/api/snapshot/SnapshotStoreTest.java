package barometer.api.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotStoreTest {
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @TempDir
    Path folder;

    private static Snapshot snapshot(String id) throws Exception {
        return new Snapshot(id, SnapshotKind.TREND, "Coverage of secession", Map.of("q", List.of("secession")),
                Instant.parse("2026-12-02T09:30:00Z"), 41, 60, "Barometer 0.1.0 (commit abc1234)",
                JSON.readTree("{\"toneMeasure\":\"mentions\"}"), JSON.readTree("{\"series\":[{\"query\":\"secession\"}]}"),
                "query,start\nsecession,2017-01-01\n");
    }

    @Test
    void aSnapshotReadsBackTheSameFromAStoreOpenedAfresh() throws Exception {
        SnapshotStore first = new SnapshotStore(folder, JSON, 10);
        String id = first.newId();
        assertTrue(SnapshotStore.isId(id));
        assertTrue(first.save(snapshot(id)));
        // A restarted service opens a new store on the same folder: nothing is held in memory.
        SnapshotStore second = new SnapshotStore(folder, JSON, 10);
        assertEquals(snapshot(id), second.find(id).orElseThrow());
        assertEquals(List.of(snapshot(id).summary()), second.list());
        assertFalse(Files.exists(folder.resolve(id + ".json.tmp")));
    }

    @Test
    void idsThatCannotBeSnapshotsAreNotLookedUp() {
        SnapshotStore store = new SnapshotStore(folder, JSON, 10);
        assertTrue(store.find("../../etc/passwd").isEmpty());
        assertTrue(store.find("abcdefghij").isEmpty(), "a well-formed id that does not exist");
        assertFalse(store.delete("ABCDEFGHIJ"));
    }

    @Test
    void theLimitRefusesNewSnapshotsAndASnapshotIsNeverRewritten() throws Exception {
        SnapshotStore store = new SnapshotStore(folder, JSON, 1);
        assertTrue(store.save(snapshot("abcdefghjk")));
        assertFalse(store.save(snapshot("abcdefghjm")), "one is the most kept");
        SnapshotStore roomy = new SnapshotStore(folder, JSON, 5);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> roomy.save(snapshot("abcdefghjk")));
        assertTrue(roomy.delete("abcdefghjk"));
        assertTrue(roomy.find("abcdefghjk").isEmpty());
    }
}
