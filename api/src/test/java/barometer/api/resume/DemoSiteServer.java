package barometer.api.resume;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * Serves the bundled demo site (the classpath's META-INF/resources/demo) on 127.0.0.1, without Quarkus; feeds with an
 * ETag and Last-Modified, answered 304 to a request that names the current ETag.
 */
final class DemoSiteServer implements AutoCloseable {
    private final HttpServer server;
    /** Feeds answered 304 because the crawler sent their current ETag. */
    final java.util.concurrent.atomic.AtomicInteger feedsUnchanged = new java.util.concurrent.atomic.AtomicInteger();

    DemoSiteServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            try (InputStream in = DemoSiteServer.class.getResourceAsStream("/META-INF/resources" + path);
                 OutputStream out = exchange.getResponseBody()) {
                if (in == null) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                byte[] body = in.readAllBytes();
                if (path.endsWith(".xml")) {
                    // Feeds carry validators, as real ones do: an unchanged feed is answered 304.
                    String etag = "\"" + Integer.toHexString(java.util.Arrays.hashCode(body)) + "\"";
                    exchange.getResponseHeaders().set("ETag", etag);
                    exchange.getResponseHeaders().set("Last-Modified", "Tue, 30 Jul 2019 10:30:00 GMT");
                    if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                        feedsUnchanged.incrementAndGet();
                        exchange.sendResponseHeaders(304, -1);
                        return;
                    }
                }
                exchange.getResponseHeaders().set("Content-Type",
                        path.endsWith(".xml") ? "application/xml; charset=utf-8" : "text/html; charset=utf-8");
                exchange.sendResponseHeaders(200, body.length);
                out.write(body);
            }
        });
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
