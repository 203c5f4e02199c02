package barometer.api;

import barometer.indexer.NewsIndex;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * ETag and Cache-Control for the read-only API. The tag is a hash of the index version and the request
 * (URI and Accept), so it changes exactly when the answer could; a request whose If-None-Match carries it
 * gets 304 before any index work is done.
 */
class HttpCaching {
    /** Clients and caches may reuse an answer for a minute, then must revalidate (cheap: a 304). */
    static final String CACHE_CONTROL = "public, max-age=60, must-revalidate";
    private static final String TAG = "barometer.etag";

    private final NewsIndex index;

    HttpCaching(NewsIndex index) {
        this.index = index;
    }

    @ServerRequestFilter(preMatching = true)
    Response checkTag(ContainerRequestContext request) {
        if (!cacheable(request)) {
            return null;
        }
        EntityTag tag = tagFor(request);
        request.setProperty(TAG, tag);
        String ifNoneMatch = request.getHeaderString(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null && matches(ifNoneMatch, tag)) {
            return Response.notModified(tag).header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL).build();
        }
        return null;
    }

    @ServerResponseFilter
    void addTag(ContainerRequestContext request, ContainerResponseContext response) {
        Object tag = request.getProperty(TAG);
        if (tag instanceof EntityTag t && response.getStatus() == 200) {
            response.getHeaders().putSingle(HttpHeaders.ETAG, t.toString());
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
        }
    }

    private static boolean cacheable(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        return HttpMethod.GET.equals(request.getMethod())
                && (path.startsWith("/api/search") || path.startsWith("/api/trends") || path.startsWith("/api/polls")
                    || path.startsWith("/widgets/") || path.startsWith("/embed/") || path.startsWith("/oembed"));
    }

    private EntityTag tagFor(ContainerRequestContext request) {
        CRC32 crc = new CRC32();
        crc.update((request.getUriInfo().getRequestUri().getRawPath() + "?"
                + request.getUriInfo().getRequestUri().getRawQuery() + "|"
                + request.getHeaderString(HttpHeaders.ACCEPT)).getBytes(StandardCharsets.UTF_8));
        return new EntityTag(Long.toHexString(index.version()) + "-" + Long.toHexString(crc.getValue()));
    }

    private static boolean matches(String ifNoneMatch, EntityTag tag) {
        String quoted = tag.toString();
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.strip();
            if (c.equals("*") || c.equals(quoted) || c.equals("W/" + quoted)) {
                return true;
            }
        }
        return false;
    }
}
