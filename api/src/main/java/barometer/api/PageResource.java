package barometer.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Pages whose HTML depends on the request: the trend explorer (its oEmbed discovery link names the page's own
 * URL, for CMSs that read the HTML without running scripts) and the embeddable widget pages
 * ({@code /embed/trend}, {@code /embed/poll}), which are framed by other sites.
 */
@Path("/")
public class PageResource {
    private final HtmlPage explorer = new HtmlPage("explore.html");
    private final HtmlPage embed = new HtmlPage("embed.html");

    @GET
    @Path("explore")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public String explore(@Context UriInfo uri) {
        String self = uri.getRequestUri().toString();
        return explorer.render(Map.of("oembed", oembedUrl(uri, self), "self", self));
    }

    @GET
    @Path("embed/{kind}")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public String embed(@PathParam("kind") String kind, @Context UriInfo uri) {
        boolean poll = WidgetResource.kindIsPoll(kind);
        var p = uri.getQueryParameters();
        WidgetRequest r = WidgetRequest.of(p.getFirst("q"), p.getFirst("measure"), p.getFirst("from"), p.getFirst("to"),
                p.getFirst("interval"), p.getFirst("topic"), p.getFirst("answer"), p.getFirst("theme"),
                p.getFirst("width"), p.getFirst("height"), p.getFirst("title"));
        String query = uri.getRequestUri().getRawQuery() == null ? "" : uri.getRequestUri().getRawQuery();
        String full = poll ? "/polls.html?" + query : "/explore?" + query;
        return embed.render(Map.of("title", r.titleFor(poll), "kind", kind, "theme",
                r.theme().name().toLowerCase(java.util.Locale.ROOT), "full", full));
    }

    static String oembedUrl(UriInfo uri, String page) {
        return uri.getBaseUri().resolve("oembed").toString() + "?format=json&url="
                + URLEncoder.encode(page, StandardCharsets.UTF_8);
    }
}
