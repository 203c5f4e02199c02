package barometer.indexer.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Barometer's three indices on the cluster and their mappings: articles, sentences (with their phrase tones as nested
 * mentions, so that tone toward a query's words is an aggregation) and polls. Their names carry
 * {@link #SCHEMA_VERSION}: a Barometer that writes another layout creates new indices beside the old ones.
 */
final class IndexLayout {
    /** Bump when a mapping changes shape. */
    static final int SCHEMA_VERSION = 1;

    final String articles;
    final String sentences;
    final String polls;
    private final ClusterSettings settings;

    IndexLayout(ClusterSettings settings) {
        this.settings = settings;
        String base = settings.indexPrefix() + "-v" + SCHEMA_VERSION + "-";
        articles = base + "articles";
        sentences = base + "sentences";
        polls = base + "polls";
    }

    List<String> all() {
        return List.of(articles, sentences, polls);
    }

    /** The indices, joined for a request that reads them all. */
    String joined() {
        return String.join(",", all());
    }

    /** Creates the indices that do not exist yet. */
    void create(ClusterConnection cluster) {
        create(cluster, articles, """
                {"url": {"type": "keyword"}, "title": {"type": "text", "analyzer": "english"},
                 "body": {"type": "text", "analyzer": "english", "index_options": "offsets"},
                 "source": {"type": "keyword"}, "topic": {"type": "keyword"},
                 "published": {"type": "date", "format": "epoch_millis"},
                 "authors": {"type": "keyword", "index": false, "doc_values": false},
                 "language": {"type": "keyword"}, "lead_image": {"type": "keyword", "index": false, "doc_values": false},
                 "modified": {"type": "long", "index": false, "doc_values": false},
                 "content_hash": {"type": "keyword"}, "story": {"type": "keyword"}, "sim_band": {"type": "keyword"},
                 "sim_hash": {"type": "binary"}, "pending": {"type": "boolean"}, "slot": {"type": "integer"},
                 "sentiment": {"type": "double"}, "net": {"type": "double"}, "tone_class": {"type": "keyword"},
                 "tone_shares": {"type": "double", "index": false, "doc_values": false},
                 "sentence_count": {"type": "integer", "index": false, "doc_values": false}}""");
        create(cluster, sentences, """
                {"url": {"type": "keyword"}, "article": {"type": "keyword"}, "position": {"type": "integer"},
                 "text": {"type": "text", "analyzer": "english"}, "sentiment": {"type": "integer"},
                 "net": {"type": "integer"}, "label": {"type": "integer", "index": false},
                 "probabilities": {"type": "double", "index": false, "doc_values": false},
                 "mentions": {"type": "nested", "properties": {
                     "from": {"type": "integer", "index": false, "doc_values": false},
                     "to": {"type": "integer", "index": false, "doc_values": false},
                     "tone": {"type": "keyword"}, "phrase": {"type": "text", "analyzer": "english"},
                     "value": {"type": "integer"}, "net": {"type": "integer"}, "article": {"type": "keyword"},
                     "seq": {"type": "integer"}}},
                 "source": {"type": "keyword"}, "published": {"type": "date", "format": "epoch_millis"}}""");
        create(cluster, polls, """
                {"key": {"type": "keyword"}, "topic": {"type": "keyword"},
                 "json": {"type": "keyword", "index": false, "doc_values": false}}""");
        // Added after the first layout shipped; a field added to a mapping changes no stored document.
        ObjectNode slot = ClusterConnection.json().createObjectNode();
        slot.putObject("properties").putObject("slot").put("type", "integer");
        cluster.call("PUT", "/" + articles + "/_mapping", slot);
    }

    private void create(ClusterConnection cluster, String index, String properties) {
        if (cluster.exists("/" + index)) {
            return;
        }
        try {
            ObjectNode body = ClusterConnection.json().createObjectNode();
            ObjectNode index_ = body.putObject("settings").putObject("index");
            index_.put("number_of_shards", settings.shards()).put("number_of_replicas", settings.replicas())
                    // Page numbers reach 10,000 results and one more tells whether there is a next page.
                    .put("max_result_window", 10_001);
            ObjectNode mappings = body.putObject("mappings");
            mappings.put("dynamic", "strict");
            mappings.putObject("_meta").put("barometer_schema", SCHEMA_VERSION);
            mappings.set("properties", ClusterConnection.json().readTree(properties));
            cluster.call("PUT", "/" + index, body);
        } catch (ClusterException e) {
            // Another Barometer process may have created it in between.
            if (!e.getMessage().contains("resource_already_exists_exception")) {
                throw e;
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException("mapping of " + index + " is not JSON", e);
        }
    }

    /** Deletes every index of this layout (tests, and a reindex that starts over). */
    void delete(ClusterConnection cluster) {
        for (String index : all()) {
            if (cluster.exists("/" + index)) {
                cluster.call("DELETE", "/" + index);
            }
        }
    }
}
