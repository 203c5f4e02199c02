package barometer.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;
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
    Optional<Response> guard(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        boolean admin = path.startsWith("/api/admin") || path.startsWith("/api/polls/import");
        return admin ? refusal(request.getHeaderString("X-Api-Key")) : Optional.empty();
    }

    /** Empty when the key is right; else the 401 (wrong or missing key) or 403 (admin API off) to answer. */
    Optional<Response> refusal(String apiKey) {
        String expected = config.admin().apiKey().orElse("");
        if (expected.isEmpty()) {
            return Optional.of(error(Response.Status.FORBIDDEN, "the admin API is disabled", "set barometer.admin.api-key"));
        }
        if (apiKey == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                apiKey.getBytes(StandardCharsets.UTF_8))) {
            return Optional.of(error(Response.Status.UNAUTHORIZED, "missing or wrong API key", "send it in the X-Api-Key header"));
        }
        return Optional.empty();
    }

    static Response error(Response.Status status, String message, String hint) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("error", message, "hint", hint)).build();
    }
}
