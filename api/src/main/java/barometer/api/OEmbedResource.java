package barometer.api;


import barometer.indexer.InvalidQueryException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code GET /oembed?url=...}: the oEmbed answer (type rich) for an explorer, poll or widget page of this site, so
 * that CMSs and newsletter tools embed a chart from its URL: an iframe of {@code /embed/...} and a PNG thumbnail.
 */
@Path("/oembed")
public class OEmbedResource {
    private final barometer.indexer.NewsIndex index;
    private final WidgetCache cache;

    OEmbedResource(barometer.indexer.NewsIndex index, WidgetCache cache) {
        this.index = index;
        this.cache = cache;
    }

    /** The oEmbed 1.0 "rich" answer. */
    public record OEmbed(String type, String version, String title, String provider_name, String provider_url,
            String html, int width, int height, String thumbnail_url, int thumbnail_width, int thumbnail_height,
            String description) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "oEmbed for explorer, poll and widget pages",
            description = "url: a page of this site (/explore?..., /polls.html?..., /embed/...); maxwidth, maxheight.")
    public Response oembed(@QueryParam("url") String url, @QueryParam("format") String format,
            @QueryParam("maxwidth") String maxWidth, @QueryParam("maxheight") String maxHeight, @Context UriInfo uri) {
        if (format != null && !format.isBlank() && !format.equalsIgnoreCase("json")) {
            throw new Refusal(Refusal.Kind.NOT_IMPLEMENTED, "only the json format is offered", "format=json");
        }
        if (url == null || url.isBlank()) {
            throw new InvalidQueryException("url is required", "url=" + uri.getBaseUri() + "explore?q=secession");
        }
        URI page;
        try {
            page = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidQueryException("url is not a URL: " + url, "pass the page's address, URL-encoded");
        }
        String path = page.getPath() == null ? "" : page.getPath();
        if (!(path.equals("/explore") || path.startsWith("/embed/") || path.startsWith("/polls") || path.equals("/"))) {
            throw new Refusal(Refusal.Kind.NOT_FOUND, "no embeddable chart at " + url,
                    "use an /explore or /polls.html URL");
        }
        Map<String, String> p = new java.util.HashMap<>();
        // Form decoding ("+" is a space), as the explorer's URLSearchParams writes its links.
        org.apache.hc.core5.net.WWWFormCodec.parse(page.getRawQuery() == null ? "" : page.getRawQuery(),
                java.nio.charset.StandardCharsets.UTF_8).forEach(pair -> p.putIfAbsent(pair.getName(), pair.getValue()));
        WidgetKind kind = path.startsWith("/polls") || path.startsWith("/embed/poll") ? WidgetKind.POLL
                : path.startsWith("/embed/overview") || "overview".equals(p.get("measure")) ? WidgetKind.OVERVIEW
                : WidgetKind.TREND;
        String query = page.getRawQuery() == null ? "" : page.getRawQuery();
        int width = bounded(maxWidth, 600, WidgetRequest.MIN_WIDTH, WidgetRequest.MAX_WIDTH);
        int height = bounded(maxHeight, 320, WidgetRequest.MIN_HEIGHT, WidgetRequest.MAX_HEIGHT);
        String base = uri.getBaseUri().toString().replaceAll("/$", "");
        String embed = base + "/embed/" + kind.path() + (query.isEmpty() ? "" : "?" + query);
        String alt = altText(p, kind);
        String html = "<iframe src=\"" + HtmlPage.escape(embed) + "\" width=\"" + width + "\" height=\"" + height
                + "\" style=\"border:0\" loading=\"lazy\" title=\"" + HtmlPage.escape(alt == null ? "Barometer chart" : alt)
                + "\"></iframe>";
        String thumbnail = base + "/widgets/" + kind.path() + ".png" + (query.isEmpty() ? "" : "?" + query);
        String title = switch (kind) {
            case TREND -> "Barometer trend";
            case POLL -> "Barometer poll average";
            case OVERVIEW -> "Barometer: support, attention and tone";
        };
        return Response.ok(new OEmbed("rich", "1.0", title, "Barometer",
                base + "/", html, width, height, thumbnail, 600, 320, alt), MediaType.APPLICATION_JSON_TYPE).build();
    }

    /**
     * The chart in words ({@link WidgetResource#altText}), for the iframe's title and the answer's description;
     * null when the page's parameters name no chart a widget could draw.
     */
    private String altText(Map<String, String> p, WidgetKind kind) {
        try {
            WidgetRequest r = WidgetRequest.of(kind, p.get("q"), p.get("measure"), p.get("from"), p.get("to"),
                    p.get("interval"), p.get("topic"), p.get("answer"), null, null, null, p.get("title"));
            return WidgetResource.altText(index, cache, r);
        } catch (InvalidQueryException | IllegalArgumentException e) {
            return null;
        }
    }

    private static int bounded(String value, int fallback, int min, int max) {
        try {
            return value == null || value.isBlank() ? fallback : Math.max(min, Math.min(max, Integer.parseInt(value.strip())));
        } catch (NumberFormatException e) {
            throw new InvalidQueryException("maxwidth and maxheight must be whole numbers", "maxwidth=600");
        }
    }
}
