package barometer.indexer.opensearch;

import barometer.indexer.TaggingShare;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which sources this worker may read, when several Barometer workers share one cluster: each source has a lease
 * document ({@code <prefix>-v1-leases}) naming its worker and when the lease runs out. A worker renews its leases
 * while it lives and takes over those that ran out, so that no source is read by two workers at once and none is
 * left when a worker dies.
 *
 * <p>Every write is conditional (created only if absent, or replaced only at the sequence number read), so two workers
 * racing for one source cannot both win. Each worker also keeps a heartbeat document; a worker takes at most its
 * fair share (the sources divided by the live workers, rounded up) and lets go of leases beyond it, so that a worker
 * that joins gets sources within one round. Expiry is judged by the claiming worker's clock: lease times must be
 * well above the clock skew between machines.
 */
public final class SourceLeases implements AutoCloseable {
    private static final ObjectMapper JSON = ClusterConnection.json();

    private final ClusterConnection cluster;
    private final String index;
    private final String worker;
    private final Duration lease;
    private final Clock clock;
    private volatile TaggingShare share;

    /**
     * @param worker this worker's name, unique among the workers sharing the cluster
     * @param lease how long a lease (and a heartbeat) lasts without renewal
     */
    public SourceLeases(ClusterSettings settings, String worker, Duration lease, Clock clock) {
        this.cluster = new ClusterConnection(settings);
        this.index = settings.indexPrefix() + "-v" + IndexLayout.SCHEMA_VERSION + "-leases";
        this.worker = worker;
        this.lease = lease;
        this.clock = clock;
        if (!cluster.exists("/" + index)) {
            ObjectNode body = JSON.createObjectNode();
            body.putObject("settings").putObject("index").put("number_of_shards", 1)
                    .put("number_of_replicas", settings.replicas());
            ObjectNode props = body.putObject("mappings").put("dynamic", "strict").putObject("properties");
            props.putObject("kind").put("type", "keyword");
            props.putObject("source").put("type", "keyword");
            props.putObject("worker").put("type", "keyword");
            props.putObject("expires").put("type", "long");
            try {
                cluster.call("PUT", "/" + index, body);
            } catch (ClusterException e) {
                if (!e.getMessage().contains("resource_already_exists_exception")) {
                    throw e;
                }
            }
        }
        // The tagging queue starts before the first claim: it must know its part from the start.
        beat(clock.millis());
    }

    /**
     * Renews this worker's heartbeat and leases, takes free or expired sources up to its fair share and lets go of
     * those beyond it. Returns the sources this worker holds now: only these may be read until the next claim, which
     * must come well within the lease time.
     */
    public Set<String> claim(Collection<String> sources) {
        return claim(sources, Set.of());
    }

    /**
     * As {@link #claim(Collection)}, but the sources in {@code busy} (those a crawl of this worker is reading now)
     * are renewed even beyond the fair share: they are let go only by a claim after that crawl, so that a worker
     * joining meanwhile cannot read them at the same time.
     */
    public Set<String> claim(Collection<String> sources, Set<String> busy) {
        long now = clock.millis();
        long expires = now + lease.toMillis();
        int workers = beat(now);
        int fair = (int) Math.ceil(sources.size() / (double) workers);

        Map<String, JsonNode> leases = leases(sources);
        Set<String> held = new TreeSet<>();
        List<String> free = new ArrayList<>();
        List<String> order = new ArrayList<>(new TreeSet<>(sources));
        order.sort(java.util.Comparator.comparing(source -> !busy.contains(source))); // busy ones count first
        for (String source : order) {
            JsonNode doc = leases.get(source);
            JsonNode src = doc == null ? null : doc.path("_source");
            boolean mine = src != null && worker.equals(src.path("worker").asText());
            boolean live = src != null && src.path("expires").asLong() > now;
            if (mine && live) {
                if (busy.contains(source) || held.size() < fair) {
                    if (write(source, doc, expires)) {
                        held.add(source);
                    }
                } else {
                    letGo(source, doc);
                }
            } else if (!live) {
                free.add(source);
            }
        }
        for (String source : free) {
            if (held.size() >= fair) {
                break;
            }
            if (write(source, leases.get(source), expires)) {
                held.add(source);
            }
        }
        return held;
    }

    /**
     * This worker's part of the tagging queue: its place among the live workers by name, as of its last heartbeat
     * (each claim renews it). Parts change only when a worker joins or its heartbeat runs out, so for at most one
     * claim interval after that two workers may tag the same article, which gives the same tags twice.
     */
    public TaggingShare share() {
        return share;
    }

    /** This worker's name among those sharing the cluster. */
    public String worker() {
        return worker;
    }

    /** Renews this worker's heartbeat and reads the live workers; returns how many there are (this one included). */
    private int beat(long now) {
        ObjectNode beat = JSON.createObjectNode().put("kind", "worker").put("worker", worker)
                .put("expires", now + lease.toMillis());
        cluster.call("PUT", "/" + index + "/_doc/worker-" + OpenSearchNewsIndex.id(worker) + "?refresh=true", beat);
        List<String> live = liveWorkers(now);
        if (!live.contains(worker)) {
            live.add(worker);
            live.sort(null);
        }
        share = new TaggingShare(live.indexOf(worker), live.size());
        return live.size();
    }

    /** The names of the workers whose heartbeat has not run out, sorted. */
    private List<String> liveWorkers(long now) {
        ObjectNode body = JSON.createObjectNode();
        body.put("size", TaggingShare.SLOTS);
        body.putArray("_source").add("worker");
        ObjectNode bool = body.putObject("query").putObject("bool");
        bool.withArray("filter").addObject().putObject("term").put("kind", "worker");
        bool.withArray("filter").addObject().putObject("range").putObject("expires").put("gt", now);
        List<String> names = new ArrayList<>();
        for (JsonNode hit : cluster.call("POST", "/" + index + "/_search", body).path("hits").path("hits")) {
            names.add(hit.path("_source").path("worker").asText());
        }
        names.sort(null);
        return names;
    }

    /** The lease documents of the sources (realtime), with the sequence numbers a conditional write needs. */
    private Map<String, JsonNode> leases(Collection<String> sources) {
        Map<String, JsonNode> out = new HashMap<>();
        if (sources.isEmpty()) {
            return out;
        }
        ObjectNode body = JSON.createObjectNode();
        ArrayNode ids = body.putArray("ids");
        Map<String, String> byId = new HashMap<>();
        for (String s : sources) {
            String id = "source-" + OpenSearchNewsIndex.id(s);
            ids.add(id);
            byId.put(id, s);
        }
        for (JsonNode doc : cluster.call("POST", "/" + index + "/_mget", body).path("docs")) {
            if (doc.path("found").asBoolean()) {
                out.put(byId.get(doc.path("_id").asText()), doc);
            }
        }
        return out;
    }

    /** Takes or renews a lease: created if there is none, else replaced only if unchanged since read. */
    private boolean write(String source, JsonNode read, long expires) {
        ObjectNode doc = JSON.createObjectNode().put("kind", "source").put("source", source).put("worker", worker)
                .put("expires", expires);
        String id = "source-" + OpenSearchNewsIndex.id(source);
        String path = read == null ? "/" + index + "/_create/" + id
                : "/" + index + "/_doc/" + id + "?if_seq_no=" + read.path("_seq_no").asLong() + "&if_primary_term="
                        + read.path("_primary_term").asLong();
        try {
            cluster.call("PUT", path, doc);
            return true;
        } catch (ClusterException e) {
            if (e.getMessage().contains(": 409 ")) {
                return false;
            }
            throw e;
        }
    }

    private void letGo(String source, JsonNode read) {
        String id = "source-" + OpenSearchNewsIndex.id(source);
        try {
            cluster.call("DELETE", "/" + index + "/_doc/" + id + "?if_seq_no=" + read.path("_seq_no").asLong()
                    + "&if_primary_term=" + read.path("_primary_term").asLong());
        } catch (ClusterException e) {
            if (!e.getMessage().contains(": 409 ") && !e.getMessage().contains(": 404 ")) {
                throw e;
            }
        }
    }

    /** Which worker holds each source's live lease, as the cluster says now (for status pages and tests). */
    public Map<String, String> holders(Collection<String> sources) {
        long now = clock.millis();
        Map<String, String> out = new HashMap<>();
        leases(sources).forEach((source, doc) -> {
            JsonNode src = doc.path("_source");
            if (src.path("expires").asLong() > now) {
                out.put(source, src.path("worker").asText());
            }
        });
        return out;
    }

    @Override
    public void close() {
        cluster.close();
    }
}
