package barometer.indexer.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.message.BasicHeader;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.OpenSearchGenericClient;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;
import org.opensearch.client.transport.OpenSearchTransport;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;

/**
 * Requests to the cluster through the opensearch-java client's HTTP transport, with JSON bodies read and written by
 * Jackson. Search and aggregation bodies are written as JSON (they mirror the DSL one to one); a reply that is not
 * 2xx becomes a {@link ClusterException} carrying the cluster's own reason.
 */
final class ClusterConnection implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final OpenSearchTransport transport;
    private final OpenSearchGenericClient generic;

    ClusterConnection(ClusterSettings settings) {
        HttpHost[] hosts = settings.hosts().stream()
                .map(u -> new HttpHost(u.getScheme(), u.getHost(), u.getPort())).toArray(HttpHost[]::new);
        ApacheHttpClient5TransportBuilder builder = ApacheHttpClient5TransportBuilder.builder(hosts)
                .setMapper(new JacksonJsonpMapper(JSON));
        if (settings.apiKey().isPresent()) {
            builder.setDefaultHeaders(new Header[] {new BasicHeader("Authorization", "ApiKey " + settings.apiKey().get())});
        } else if (settings.user().isPresent()) {
            BasicCredentialsProvider credentials = new BasicCredentialsProvider();
            for (HttpHost h : hosts) {
                credentials.setCredentials(new AuthScope(h), new UsernamePasswordCredentials(settings.user().get(),
                        settings.password().orElse("").toCharArray()));
            }
            builder.setHttpClientConfigCallback(client -> client.setDefaultCredentialsProvider(credentials));
        }
        transport = builder.build();
        generic = new OpenSearchClient(transport).generic();
    }

    /** A request without a body and its JSON reply. */
    JsonNode call(String method, String path) {
        return call(method, path, null, "application/json");
    }

    /** A request with a JSON body and its JSON reply. */
    JsonNode call(String method, String path, JsonNode body) {
        return call(method, path, body.toString(), "application/json");
    }

    /** A request with a newline-delimited JSON body (multi-search). */
    JsonNode ndjson(String path, String body) {
        return call("POST", path, body, "application/x-ndjson");
    }

    /** A bulk request: newline-delimited JSON. Fails when any item failed. */
    JsonNode bulk(String ndjson) {
        JsonNode reply = call("POST", "/_bulk", ndjson, "application/x-ndjson");
        if (reply.path("errors").asBoolean()) {
            for (JsonNode item : reply.path("items")) {
                JsonNode op = item.elements().next();
                int status = op.path("status").asInt();
                // A delete of what is already gone is what was wanted.
                if (status >= 300 && !(status == 404 && item.has("delete"))) {
                    throw new ClusterException("bulk write refused: " + op.path("error"));
                }
            }
        }
        return reply;
    }

    /** Whether a path answers 200 (404: no). */
    boolean exists(String path) {
        try (Response r = generic.execute(Requests.builder().method("HEAD").endpoint(path).build())) {
            return r.getStatus() == 200;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach the OpenSearch cluster", e);
        }
    }

    private JsonNode call(String method, String path, String body, String contentType) {
        Requests.JsonBodyBuilder request = Requests.builder().method(method).endpoint(path);
        if (body != null) {
            request.body(Body.from(body.getBytes(StandardCharsets.UTF_8), contentType));
        }
        try (Response r = generic.execute(request.build())) {
            String text = r.getBody().map(Body::bodyAsString).orElse("");
            if (r.getStatus() >= 300) {
                throw new ClusterException(method + " " + path + ": " + r.getStatus() + " " + shorten(text));
            }
            return text.isEmpty() ? JSON.createObjectNode() : JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach the OpenSearch cluster (" + method + " " + path + ")", e);
        }
    }

    private static String shorten(String s) {
        return s.length() > 600 ? s.substring(0, 600) + "..." : s;
    }

    static ObjectMapper json() {
        return JSON;
    }

    @Override
    public void close() {
        try {
            transport.close();
        } catch (Exception e) {
            throw new IllegalStateException("cannot close the OpenSearch client", e);
        }
    }

}
