package barometer.api.workers;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The bundled demo site served from one loopback address, as a real outlet has one, with a gate: until it is opened
 * every feed is empty, so that the workers can settle their shares before the first article arrives.
 */
final class DemoSite implements AutoCloseable {
    private static final byte[] EMPTY_FEED = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>Not yet</title><link>/</link><description>empty</description></channel></rss>
            """.getBytes(StandardCharsets.UTF_8);

    private final HttpServer server;
    private final Path root;
    private final AtomicBoolean open = new AtomicBoolean();

    private DemoSite(Path root) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/", this::answer);
        server.start();
    }

    /** Serves the folder under {@code /demo/}. */
    static DemoSite serve(Path folder) throws IOException {
        return new DemoSite(folder);
    }

    /** From now on the feeds list their articles. */
    void open() {
        open.set(true);
    }

    URI address(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Path file = path.startsWith("/demo/") ? root.resolve(path.substring("/demo/".length())).normalize() : null;
            if (file == null || !file.startsWith(root) || !Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            boolean feed = path.endsWith(".xml");
            byte[] body = feed && !open.get() ? EMPTY_FEED : Files.readAllBytes(file);
            exchange.getResponseHeaders().set("Content-Type",
                    feed ? "application/xml; charset=utf-8" : "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
