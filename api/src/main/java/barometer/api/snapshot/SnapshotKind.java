package barometer.api.snapshot;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Set;

/** What a snapshot freezes: the answer of one of the API's GETs, with the parameters that GET takes. */
public enum SnapshotKind {
    SEARCH("/api/search", Set.of("q", "from", "to", "source", "topic", "kind", "tone", "sort", "page", "size")),
    TREND("/api/trends", Set.of("q", "from", "to", "interval", "tz", "scope", "by", "scale", "shareOf", "smooth")),
    POLL_AVERAGE("/api/polls/trend", Set.of("topic", "answer", "population", "realtime", "nextPollster",
            "nextSampleSize")),
    OVERVIEW("/api/overview", Set.of("topic", "answer", "q", "from", "to", "interval"));

    private final String path;
    private final Set<String> parameters;

    SnapshotKind(String path, Set<String> parameters) {
        this.path = path;
        this.parameters = parameters;
    }

    /** The GET whose answer is frozen. */
    public String path() {
        return path;
    }

    /** The parameters that GET reads; any other is refused rather than silently ignored. */
    public Set<String> parameters() {
        return parameters;
    }

    /** The name in JSON: {@code search}, {@code trend}, {@code poll-average}, {@code overview}. */
    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The kind of a label, or null when there is none of that name. */
    @JsonCreator
    public static SnapshotKind of(String label) {
        for (SnapshotKind k : values()) {
            if (k.label().equals(label)) {
                return k;
            }
        }
        return null;
    }
}
