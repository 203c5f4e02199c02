package barometer.crawler;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;

/**
 * A real HTTP server on 127.0.0.1 that serves the test resources under {@code /crawler/site/}, plus
 * handlers a test adds for special answers. It records every request path and User-Agent it saw.
 */
public final class FixtureServer implements AutoCloseable {
    private final HttpServer server;
    private final Map<String, HttpHandler> special = new ConcurrentHashMap<>();
    public final List<String> requests = new CopyOnWriteArrayList<>();
    public final List<String> userAgents = new CopyOnWriteArrayList<>();

    public FixtureServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    public void on(String path, HttpHandler handler) {
        special.put(path, handler);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        requests.add(path);
        userAgents.add(exchange.getRequestHeaders().getFirst("User-Agent"));
        HttpHandler handler = special.get(path);
        if (handler != null) {
            handler.handle(exchange);
            return;
        }
        try (InputStream in = FixtureServer.class.getResourceAsStream("/crawler/site" + path)) {
            if (in == null) {
                send(exchange, 404, "text/plain", "not found".getBytes());
                return;
            }
            String type = path.endsWith(".xml") ? "application/xml; charset=utf-8" : "text/html; charset=utf-8";
            send(exchange, 200, type, in.readAllBytes());
        }
    }

    public static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
