package barometer.api.resume;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/** Serves the bundled demo site (the classpath's META-INF/resources/demo) on 127.0.0.1, without Quarkus. */
final class DemoSiteServer implements AutoCloseable {
    private final HttpServer server;

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
