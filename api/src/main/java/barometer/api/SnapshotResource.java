package barometer.api;

import barometer.api.snapshot.Citation;
import barometer.api.snapshot.Snapshot;
import barometer.api.snapshot.SnapshotKind;
import barometer.api.snapshot.SnapshotStore;
import barometer.indexer.NewsIndex;
import barometer.indexer.SearchRequest;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code /api/snapshots}: freeze the answer of a search, trend, poll average or overview ({@link SnapshotKind}) as
 * it is now, with the index version, code version and methods figures that made it, under a stable id with a
 * permalink ({@code /s/{id}}), its data as JSON and CSV, and a citation in BibTeX and CSL-JSON. The answer is
 * computed by the same resource a GET would reach, so a snapshot holds exactly what that GET answered.
 */
@Path("/api/snapshots")
public class SnapshotResource {
    /** Values a snapshot's parameters may hold at most, and the longest value. */
    private static final int MAX_VALUES = 32, MAX_VALUE_LENGTH = 2_000;
    /** Tries to compute the JSON and the CSV on one index version while a crawl commits. */
    private static final int TRIES = 3;

    private final SnapshotStore store;
    private final NewsIndex index;
    private final ObjectMapper json;
    private final SearchResource search;
    private final TrendResource trends;
    private final PollResource polls;
    private final OverviewResource overview;
    private final MethodsResource methods;
    private final String codeVersion;

    SnapshotResource(SnapshotStore store, NewsIndex index, ObjectMapper json, SearchResource search,
            TrendResource trends, PollResource polls, OverviewResource overview, MethodsResource methods,
            BarometerConfig config, @ConfigProperty(name = "quarkus.application.version", defaultValue = "unknown") String version) {
        this.store = store;
        this.index = index;
        this.json = json;
        this.search = search;
        this.trends = trends;
        this.polls = polls;
        this.overview = overview;
        this.methods = methods;
        // The launcher passes the commit (-Dbarometer.commit, "-dirty" with uncommitted code changes).
        this.codeVersion = "Barometer " + version + " (commit " + config.commit() + ")";
    }

    /**
     * What to freeze: the kind, the parameters of its GET (a value or a list of values each), and an optional
     * title for the citation.
     */
    public record NewSnapshot(String kind, Map<String, Object> parameters, String title) {
    }

    /** Where the new snapshot is. */
    public record Created(String id, String permalink, String data, String csv, String bibtex, String csl) {
        static Created of(String base, String id) {
            String api = base + "/api/snapshots/" + id;
            return new Created(id, base + "/s/" + id, api, api + "?format=csv", api + "/citation?style=bibtex",
                    api + "/citation?style=csl");
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Freeze an answer as a citable snapshot", description = "kind: search, trend, poll-average "
            + "or overview; parameters: those of its GET (/api/search, /api/trends, /api/polls/trend, /api/overview), "
            + "each a value or a list; title (optional). 201 with the permalink (/s/{id}), the data (JSON, CSV) and "
            + "the citation (BibTeX, CSL-JSON). A snapshot is never recomputed.")
    public Response create(NewSnapshot body, @Context UriInfo uri) {
        if (body == null || body.kind() == null) {
            throw new Refusal(Refusal.Kind.BAD_REQUEST, "kind is required",
                    "send {\"kind\": \"trend\", \"parameters\": {\"q\": \"secession\", \"interval\": \"year\"}}");
        }
        SnapshotKind kind = SnapshotKind.of(body.kind().strip());
        if (kind == null) {
            throw new Refusal(Refusal.Kind.BAD_REQUEST, "unknown snapshot kind '" + body.kind() + "'",
                    "use search, trend, poll-average or overview");
        }
        Map<String, List<String>> parameters = parameters(kind, body.parameters());
        Snapshot snapshot = null;
        for (int i = 0; i < TRIES && snapshot == null; i++) {
            long version = index.version();
            Object answer = answer(kind, parameters, "json").getEntity();
            String csv = String.valueOf(answer(kind, parameters, "csv").getEntity());
            if (index.version() == version) {
                snapshot = new Snapshot(store.newId(), kind, title(kind, body.title(), parameters), parameters,
                        Instant.now(), version, index.countArticles(SearchRequest.of("", null, null, 1, 1)), codeVersion,
                        json.valueToTree(methods.methods()), json.valueToTree(answer), csv);
            }
        }
        if (snapshot == null) {
            throw new Refusal(Refusal.Kind.CONFLICT, "the index changed while the snapshot was computed",
                    "try again in a moment");
        }
        if (!store.save(snapshot)) {
            throw new Refusal(Refusal.Kind.CONFLICT, "the most snapshots kept (barometer.snapshots.max) are kept",
                    "an admin can delete old ones: DELETE /api/admin/snapshots/{id}");
        }
        String base = base(uri);
        return Response.created(URI.create(base + "/s/" + snapshot.id())).entity(Created.of(base, snapshot.id()))
                .type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @Path("/{id}")
    @Produces({MediaType.APPLICATION_JSON, CsvExport.TEXT_CSV})
    @Operation(summary = "A snapshot", description = "Everything frozen (answer, parameters, index and code version, "
            + "methods figures); format=csv gives the CSV its GET answered then.")
    public Response get(@PathParam("id") String id, @QueryParam("format") String format,
            @Context jakarta.ws.rs.core.HttpHeaders headers) {
        Snapshot s = find(id);
        if (CsvExport.wanted(format, headers)) {
            return Response.ok(s.csv(), CsvExport.TEXT_CSV + "; charset=utf-8")
                    .header("Content-Disposition", "attachment; filename=\"barometer-snapshot-" + id + ".csv\"")
                    .build();
        }
        return Response.ok(s, MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @Path("/{id}/citation")
    @Operation(summary = "How to cite a snapshot", description = "style=bibtex (default) or csl (CSL-JSON).")
    public Response citation(@PathParam("id") String id, @QueryParam("style") String style, @Context UriInfo uri) {
        Citation citation = new Citation(find(id), base(uri) + "/s/" + id);
        String asked = style == null || style.isBlank() ? "bibtex" : style.strip().toLowerCase(java.util.Locale.ROOT);
        return switch (asked) {
            case "bibtex" -> Response.ok(citation.bibtex(), "application/x-bibtex; charset=utf-8").build();
            case "csl", "csl-json" -> Response.ok(citation.csl(), "application/vnd.citationstyles.csl+json").build();
            default -> throw new Refusal(Refusal.Kind.BAD_REQUEST, "unknown citation style '" + style + "'",
                    "use style=bibtex or style=csl");
        };
    }

    private Snapshot find(String id) {
        return store.find(id).orElseThrow(() -> new Refusal(Refusal.Kind.NOT_FOUND, "no snapshot " + id,
                "snapshot ids are 10 letters and digits, as in /s/{id}"));
    }

    static String base(UriInfo uri) {
        return uri.getBaseUri().toString().replaceAll("/$", "");
    }

    /** The answer the kind's GET gives for these parameters, in {@code format} (json or csv). */
    private Response answer(SnapshotKind kind, Map<String, List<String>> p, String format) {
        return switch (kind) {
            case SEARCH -> search.search(one(p, "q"), one(p, "from"), one(p, "to"), all(p, "source"), all(p, "topic"),
                    all(p, "kind"), one(p, "tone"), one(p, "sort"), one(p, "page"), one(p, "size"), null, format, null);
            case TREND -> trends.trends(all(p, "q"), one(p, "from"), one(p, "to"), one(p, "interval"), one(p, "tz"),
                    one(p, "scope"), one(p, "by"), one(p, "scale"), one(p, "shareOf"), one(p, "smooth"), format, null);
            case POLL_AVERAGE -> polls.trend(one(p, "topic"), one(p, "answer"), one(p, "population"),
                    one(p, "realtime"), one(p, "nextPollster"), one(p, "nextSampleSize"), format, null);
            case OVERVIEW -> overview.overview(one(p, "topic"), one(p, "answer"), one(p, "q"), one(p, "from"),
                    one(p, "to"), one(p, "interval"), format, null);
        };
    }

    /** The parameters as lists of strings, in the order given; a name the kind's GET does not read is refused. */
    static Map<String, List<String>> parameters(SnapshotKind kind, Map<String, Object> given) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        int values = 0;
        for (var e : (given == null ? Map.<String, Object>of() : given).entrySet()) {
            if (!kind.parameters().contains(e.getKey())) {
                throw new Refusal(Refusal.Kind.BAD_REQUEST, "a " + kind.label() + " snapshot takes no parameter '"
                        + e.getKey() + "'", "it takes " + String.join(", ", kind.parameters().stream().sorted().toList()));
            }
            List<String> list = new ArrayList<>();
            for (Object v : e.getValue() instanceof List<?> l ? l : java.util.Collections.singletonList(e.getValue())) {
                if (v == null || v instanceof Map || v instanceof List) {
                    throw new Refusal(Refusal.Kind.BAD_REQUEST, "parameter '" + e.getKey()
                            + "' must be a text, a number or a list of them", "e.g. \"q\": [\"secession\", \"calexit\"]");
                }
                String text = String.valueOf(v);
                if (text.length() > MAX_VALUE_LENGTH || ++values > MAX_VALUES) {
                    throw new Refusal(Refusal.Kind.BAD_REQUEST, "parameters too long",
                            "at most " + MAX_VALUES + " values of " + MAX_VALUE_LENGTH + " characters");
                }
                list.add(text);
            }
            out.put(e.getKey(), List.copyOf(list));
        }
        return out;
    }

    private static String title(SnapshotKind kind, String asked, Map<String, List<String>> p) {
        if (asked != null && !asked.isBlank()) {
            return asked.strip().length() > 200 ? asked.strip().substring(0, 200) : asked.strip();
        }
        String what = switch (kind) {
            case SEARCH -> "Search results";
            case TREND -> "Coverage and tone over time";
            case POLL_AVERAGE -> "Poll average";
            case OVERVIEW -> "Support, attention and tone";
        };
        return what + " (" + Citation.describeParameters(p) + ")";
    }

    private static String one(Map<String, List<String>> p, String name) {
        List<String> v = p.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    private static List<String> all(Map<String, List<String>> p, String name) {
        return p.getOrDefault(name, List.of());
    }
}
