package barometer.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The admin API's key check ({@code X-Api-Key} against {@code barometer.admin.api-key}, in constant time), run
 * before every admin endpoint: {@code /api/admin/*} and the poll import.
 */
@ApplicationScoped
class AdminAccess {
    private final BarometerConfig config;

    AdminAccess(BarometerConfig config) {
        this.config = config;
    }

    @ServerRequestFilter
    void guard(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (isAdmin(path)) {
            check(request.getHeaderString("X-Api-Key"));
        }
    }

    static boolean isAdmin(String path) {
        return path.startsWith("/api/admin") || path.startsWith("/api/polls/import");
    }

    /** Passes when the key is right; else refuses: 401 (wrong or missing key) or 403 (admin API off). */
    void check(String apiKey) {
        String expected = config.admin().apiKey().orElse("");
        if (expected.isEmpty()) {
            throw new Refusal(Refusal.Kind.FORBIDDEN, "the admin API is disabled", "set barometer.admin.api-key");
        }
        if (apiKey == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                apiKey.getBytes(StandardCharsets.UTF_8))) {
            throw new Refusal(Refusal.Kind.UNAUTHORIZED, "missing or wrong API key", "send it in the X-Api-Key header");
        }
    }
}
