package barometer.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.regex.Pattern;

/**
 * Runs on every request before any resource, at the HTTP layer: what must hold for every answer whoever makes it.
 * <ul>
 *   <li>Every answer says {@code X-Content-Type-Options: nosniff}, so a crawled title in a CSV or a JSON body is
 *       never sniffed into a page by a browser.</li>
 *   <li>Every public GET or HEAD says {@code Access-Control-Allow-Origin: *} (widgets, oEmbed and the read-only API
 *       are embedded by other sites, with or without an {@code Origin} header); admin paths never do.</li>
 *   <li>A request line longer than {@link #MAX_URI_CHARS}, with broken percent-encoding or that is no URI is refused
 *       here with the same JSON body every other refusal has, instead of the HTTP layer's empty one (the launcher
 *       and the tests turn that check off with {@code -Dvertx.disableURIValidation=true} so that this one runs).</li>
 *   <li>A write (POST, PUT, DELETE) whose {@code Origin} is another site is refused with a JSON 403; one from this
 *       site's own pages passes as the same-origin request it is (the CORS layer answers reads only).</li>
 *   <li>A worker ({@code barometer.role=worker}) answers only its status, health and the demo site it reads.</li>
 * </ul>
 */
@ApplicationScoped
class RequestGate {
    /** Longest request URI answered; longer ones get a JSON 414 (the HTTP layer reads up to its own, larger limit). */
    static final int MAX_URI_CHARS = 16_384;
    private static final Pattern BROKEN_ESCAPE = Pattern.compile("%(?![0-9A-Fa-f]{2})");

    private final ObjectMapper json;
    private final Role role;

    RequestGate(ObjectMapper json, BarometerConfig config) {
        this.json = json;
        this.role = config.role();
    }

    void install(@Observes Router router) {
        router.route().order(-1_000).handler(this::handle);
        // The router itself fails a request whose address it cannot decode (a broken percent-escape) with a bare 400.
        router.errorHandler(400, ctx -> {
            if (!ctx.response().ended()) {
                ctx.response().headers().set("X-Content-Type-Options", "nosniff");
                refuse(ctx, 400, "the request address cannot be read (a broken percent-escape: a % not followed by "
                        + "two hex digits, or bytes that are not UTF-8)", "URL-encode the parameters, e.g. %25 for a "
                        + "literal %");
            }
        });
    }

    private void handle(RoutingContext ctx) {
        String path = ctx.request().path() == null ? "" : ctx.request().path();
        boolean publicRead = (ctx.request().method() == HttpMethod.GET || ctx.request().method() == HttpMethod.HEAD)
                && !AdminAccess.isAdmin(path);
        ctx.addHeadersEndHandler(v -> {
            ctx.response().headers().set("X-Content-Type-Options", "nosniff");
            if (publicRead) {
                ctx.response().headers().set("Access-Control-Allow-Origin", "*");
            }
        });
        String uri = ctx.request().uri();
        if (uri.length() > MAX_URI_CHARS) {
            refuse(ctx, 414, "the request address has " + uri.length() + " characters; at most " + MAX_URI_CHARS
                    + " are answered", "shorten the query (q is at most 2,000 characters)");
            return;
        }
        if (BROKEN_ESCAPE.matcher(uri).find() || !parses(uri)) {
            refuse(ctx, 400, "the request address has a broken percent-escape (a % not followed by two hex digits)",
                    "URL-encode the parameters, e.g. %25 for a literal %");
            return;
        }
        if (!role.serves() && !path.equals("/api/status") && !path.startsWith("/q/") && !path.startsWith("/demo/")) {
            refuse(ctx, 404, "this process is a worker: it crawls and tags, and answers only /api/status",
                    "ask a process with barometer.role=api or all");
            return;
        }
        HttpMethod method = ctx.request().method();
        String origin = ctx.request().getHeader("Origin");
        if (origin != null && method != HttpMethod.GET && method != HttpMethod.HEAD && method != HttpMethod.OPTIONS) {
            if (!sameSite(origin, ctx.request().getHeader("Host"))) {
                refuse(ctx, 403, "writes are not accepted from other sites (Origin " + origin + ")",
                        "call the API from this site's pages or without a browser");
                return;
            }
            // Browsers send Origin with every write, also from this site's own pages (the explorer's snapshot
            // button). A same-site request is no cross-origin request, but the CORS layer, which allows reads
            // only (cross-site preflights never get a write), would refuse it for its method: it goes on without.
            ctx.request().headers().remove("Origin");
        }
        ctx.next();
    }

    /**
     * Whether an Origin names this service: its host and port are the request's Host (the scheme is not compared,
     * so that a TLS-terminating proxy in front does not make the site's own pages foreign).
     */
    static boolean sameSite(String origin, String host) {
        try {
            String authority = new java.net.URI(origin).getRawAuthority();
            return authority != null && authority.equalsIgnoreCase(host);
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    /** Whether the request target is a URI at all (what the HTTP layer's own check, turned off for this, tested). */
    private static boolean parses(String uri) {
        try {
            new java.net.URI(uri);
            return true;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private void refuse(RoutingContext ctx, int status, String message, String hint) {
        try {
            ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                    .end(json.writeValueAsString(new ErrorMapper.ErrorBody(message, hint)));
        } catch (JsonProcessingException e) {
            ctx.fail(e);
        }
    }
}
