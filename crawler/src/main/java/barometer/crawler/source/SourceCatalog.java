package barometer.crawler.source;

import barometer.crawler.SourceResult;
import barometer.crawler.fetch.AddressGuard;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jboss.logging.Logger;

/**
 * The sources to crawl and what happened to each, in two JSON files of the data folder: {@code sources.json}
 * (the definitions; an operator may edit it while the service is stopped) and {@code source-state.json} (last
 * and next crawl, counters, last error). Both are written atomically, so a crash leaves the old or the new file,
 * never half of one. The first start seeds the definitions from configuration.
 *
 * <p>Thread-safe: every method is synchronized (the files are small and changes rare).
 */
public final class SourceCatalog {
    private static final Logger LOG = Logger.getLogger(SourceCatalog.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration MIN_EVERY = Duration.ofMinutes(1);
    private static final Duration MAX_RETRY = Duration.ofMinutes(15);

    private final Path definitionsFile;
    private final Path stateFile;
    private final AddressGuard guard;
    private final Duration defaultEvery;
    private final Map<String, SourceDefinition> definitions = new LinkedHashMap<>();
    private final Map<String, SourceState> states = new LinkedHashMap<>();

    /**
     * @param folder the data folder
     * @param seed the definitions to start with when the folder has none yet
     * @param guard checks addresses added through {@link #add}
     * @param defaultEvery how often a source without its own schedule is read
     */
    public SourceCatalog(Path folder, List<SourceDefinition> seed, AddressGuard guard, Duration defaultEvery) {
        this.definitionsFile = folder.resolve("sources.json");
        this.stateFile = folder.resolve("source-state.json");
        this.guard = guard;
        this.defaultEvery = defaultEvery;
        try {
            Files.createDirectories(folder);
            if (Files.exists(definitionsFile)) {
                for (JsonNode n : JSON.readTree(definitionsFile.toFile()).path("sources")) {
                    SourceDefinition d = definition(n);
                    definitions.put(d.url(), d);
                }
            } else {
                seed.forEach(d -> definitions.put(d.url(), d));
                saveDefinitions();
            }
            if (Files.exists(stateFile)) {
                JSON.readTree(stateFile.toFile()).properties().forEach(e -> states.put(e.getKey(), state(e.getValue())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sources in " + folder, e);
        }
    }

    /** Every source with its state, in the order they were added. */
    public synchronized Map<SourceDefinition, SourceState> all() {
        Map<SourceDefinition, SourceState> out = new LinkedHashMap<>();
        definitions.values().forEach(d -> out.put(d, states.getOrDefault(d.url(), SourceState.NEW)));
        return out;
    }

    /** The sources due at this time (all of them when {@code everything}). */
    public synchronized List<SourceDefinition> due(Instant now, boolean everything) {
        return definitions.values().stream()
                .filter(d -> everything || states.getOrDefault(d.url(), SourceState.NEW).isDue(now)).toList();
    }

    /**
     * Adds a source from outside (the admin API): its address must be public (or allowed), its pattern must
     * compile, its period at least a minute.
     *
     * @throws IllegalArgumentException with the reason when it is refused
     */
    public synchronized SourceDefinition add(String url, String topic, String linkPattern, String every) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("url is required");
        }
        URI address;
        try {
            address = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("url is not a valid address: " + url);
        }
        try {
            guard.check(address);
        } catch (AddressGuard.RefusedSource e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        if (linkPattern != null && !linkPattern.isBlank()) {
            try {
                Pattern.compile(linkPattern);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("linkPattern is not a valid regular expression: " + e.getDescription());
            }
        }
        SourceDefinition d = new SourceDefinition(address.toString(), topic, linkPattern,
                every == null || every.isBlank() ? null : duration(every), "admin");
        if (definitions.containsKey(d.url())) {
            throw new IllegalStateException("the source " + d.url() + " is already configured");
        }
        definitions.put(d.url(), d);
        saveDefinitions();
        return d;
    }

    /** Removes a source and its state; false when there is none with that address. */
    public synchronized boolean remove(String url) {
        if (definitions.remove(url == null ? "" : url.strip()) == null) {
            return false;
        }
        states.remove(url.strip());
        saveDefinitions();
        saveStates();
        return true;
    }

    /**
     * Records what a crawl did with its sources and when each is due next: its period after a success, sooner
     * after a failure (doubling from a minute, at most 15 minutes or its period).
     *
     * @param byAbsoluteUrl the crawl's results by the address crawled
     * @param resolve turns a definition into the address that was crawled
     */
    public synchronized void record(Map<String, SourceResult> byAbsoluteUrl,
            java.util.function.Function<SourceDefinition, String> resolve, Instant finished) {
        for (SourceDefinition d : definitions.values()) {
            SourceResult r = byAbsoluteUrl.get(resolve.apply(d));
            if (r == null) {
                continue;
            }
            SourceState old = states.getOrDefault(d.url(), SourceState.NEW);
            Duration every = d.every() != null ? d.every() : defaultEvery;
            boolean failed = r.outcome() == SourceResult.Outcome.FAILED || r.outcome() == SourceResult.Outcome.DISALLOWED;
            int failures = failed ? old.failures() + 1 : 0;
            Duration wait = failed ? min(every, min(MAX_RETRY, Duration.ofMinutes(1L << Math.min(failures - 1, 10))))
                    : every;
            states.put(d.url(), new SourceState(finished, finished.plus(wait), old.crawls() + 1,
                    old.articles() + r.articles(), failures, failed || !r.error().isEmpty() ? r.error() : old.lastError(),
                    failed || !r.error().isEmpty() ? finished : old.lastErrorAt()));
        }
        saveStates();
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** "6h", "30m", "1d", "45s" or ISO-8601 ("PT6H"); at least a minute. */
    public static Duration duration(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        Duration d;
        try {
            if (t.startsWith("p")) {
                d = Duration.parse(t.toUpperCase(Locale.ROOT));
            } else {
                long n = Long.parseLong(t.substring(0, t.length() - 1));
                d = switch (t.charAt(t.length() - 1)) {
                    case 's' -> Duration.ofSeconds(n);
                    case 'm' -> Duration.ofMinutes(n);
                    case 'h' -> Duration.ofHours(n);
                    case 'd' -> Duration.ofDays(n);
                    default -> throw new NumberFormatException();
                };
            }
        } catch (NumberFormatException | DateTimeParseException | StringIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("every must be a period such as 30m, 6h or 1d, not '" + text + "'");
        }
        if (d.compareTo(MIN_EVERY) < 0) {
            throw new IllegalArgumentException("every must be at least a minute (sites ban crawlers that hammer them)");
        }
        return d;
    }

    private void saveDefinitions() {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode list = root.putArray("sources");
        for (SourceDefinition d : definitions.values()) {
            ObjectNode o = list.addObject();
            o.put("url", d.url());
            o.put("topic", d.topic());
            if (!d.linkPattern().isEmpty()) {
                o.put("linkPattern", d.linkPattern());
            }
            if (d.every() != null) {
                o.put("every", d.every().toString());
            }
            o.put("origin", d.origin());
        }
        write(definitionsFile, root);
    }

    private void saveStates() {
        ObjectNode root = JSON.createObjectNode();
        states.forEach((url, s) -> {
            ObjectNode o = root.putObject(url);
            o.put("lastCrawl", text(s.lastCrawl()));
            o.put("nextCrawl", text(s.nextCrawl()));
            o.put("crawls", s.crawls());
            o.put("articles", s.articles());
            o.put("failures", s.failures());
            o.put("lastError", s.lastError());
            o.put("lastErrorAt", text(s.lastErrorAt()));
        });
        write(stateFile, root);
    }

    private static void write(Path file, JsonNode content) {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), content);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.errorf(e, "Cannot write %s", file);
        }
    }

    private static SourceDefinition definition(JsonNode n) {
        String every = n.path("every").asText("");
        return new SourceDefinition(n.path("url").asText(), n.path("topic").asText(""), n.path("linkPattern").asText(""),
                every.isEmpty() ? null : duration(every), n.path("origin").asText("config"));
    }

    private static SourceState state(JsonNode n) {
        return new SourceState(instant(n, "lastCrawl"), instant(n, "nextCrawl"), n.path("crawls").asLong(),
                n.path("articles").asLong(), n.path("failures").asInt(), n.path("lastError").asText(""),
                instant(n, "lastErrorAt"));
    }

    private static Instant instant(JsonNode n, String field) {
        return Optional.ofNullable(n.get(field)).filter(v -> !v.isNull()).map(v -> Instant.parse(v.asText())).orElse(null);
    }

    private static String text(Instant t) {
        return t == null ? null : t.toString();
    }

    /** Sources of a seed list as written in configuration ({@code [topic|]url}). */
    public static List<SourceDefinition> fromConfig(List<String> entries) {
        List<SourceDefinition> out = new ArrayList<>();
        for (String entry : entries) {
            int bar = entry.indexOf('|');
            out.add(new SourceDefinition(entry.substring(bar + 1).strip(), bar < 0 ? "" : entry.substring(0, bar), "",
                    null, "config"));
        }
        return out;
    }
}
