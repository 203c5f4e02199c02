package barometer.api.snapshot;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An answer frozen as it was computed, with everything needed to cite it and to know what made it. A snapshot
 * is written once and never recomputed: re-indexing, new articles or a newer Barometer leave it as it is.
 *
 * @param id the stable id ({@code /s/{id}})
 * @param kind what was asked
 * @param title a title for the citation, given or made from the parameters
 * @param parameters the query parameters asked, as the equivalent GET of {@link SnapshotKind#path()} takes them
 * @param created when it was frozen
 * @param indexVersion the index's version (its commit generation) when it was computed
 * @param articles articles in the index then
 * @param codeVersion Barometer's version and commit that computed it
 * @param methods the methods and measured figures ({@code /api/methods}) as they stood
 * @param answer the JSON answer of the equivalent GET
 * @param csv the CSV answer of the equivalent GET, computed on the same index version
 */
@JsonPropertyOrder({"id", "kind", "title", "parameters", "created", "indexVersion", "articles", "codeVersion",
    "answer", "csv", "methods"})
public record Snapshot(String id, SnapshotKind kind, String title, Map<String, List<String>> parameters,
        Instant created, long indexVersion, long articles, String codeVersion, JsonNode methods, JsonNode answer,
        String csv) {

    /** The short form listed to admins. */
    public record Summary(String id, SnapshotKind kind, String title, Instant created, long indexVersion) {
    }

    public Summary summary() {
        return new Summary(id, kind, title, created, indexVersion);
    }
}
