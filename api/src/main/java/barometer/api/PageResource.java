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
 * ({@code /embed/trend}, {@code /embed/poll}, {@code /embed/overview}), which are framed by other sites and carry
 * the chart in words for screen readers (computed here, so it is there before any script runs).
 */
@Path("/")
public class PageResource {
    private final HtmlPage explorer = new HtmlPage("explore.html");
    private final HtmlPage embed = new HtmlPage("embed.html");
    private final HtmlPage snapshotPage = new HtmlPage("snapshot.html");
    private final barometer.indexer.NewsIndex index;
    private final barometer.api.snapshot.SnapshotStore snapshots;
    private final WidgetCache cache;

    PageResource(barometer.indexer.NewsIndex index, barometer.api.snapshot.SnapshotStore snapshots, WidgetCache cache) {
        this.index = index;
        this.snapshots = snapshots;
        this.cache = cache;
    }

    /**
     * A snapshot's permalink: its title, when and from what it was frozen, and its citation in the HTML itself
     * (readable without scripts, and by reference managers that read the page); the chart is drawn from the
     * frozen data.
     */
    @GET
    @Path("s/{id}")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public String snapshot(@PathParam("id") String id, @Context UriInfo uri) {
        var s = snapshots.find(id).orElseThrow(() -> new Refusal(Refusal.Kind.NOT_FOUND, "no snapshot " + id,
                "check the permalink"));
        String base = SnapshotResource.base(uri);
        var citation = new barometer.api.snapshot.Citation(s, base + "/s/" + id);
        return snapshotPage.render(Map.of("id", id, "title", s.title(), "kind", s.kind().label(),
                "created", s.created().toString(), "indexVersion", String.valueOf(s.indexVersion()),
                "articles", String.valueOf(s.articles()), "codeVersion", s.codeVersion(),
                "query", "GET " + s.kind().path() + " with " + barometer.api.snapshot.Citation.describeParameters(s.parameters()),
                "bibtex", citation.bibtex(), "permalink", base + "/s/" + id));
    }

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
        var p = uri.getQueryParameters();
        WidgetRequest r = WidgetRequest.of(WidgetKind.parse(kind), p.getFirst("q"), p.getFirst("measure"),
                p.getFirst("from"), p.getFirst("to"), p.getFirst("interval"), p.getFirst("topic"), p.getFirst("answer"), p.getFirst("theme"),
                p.getFirst("width"), p.getFirst("height"), p.getFirst("title"));
        String query = uri.getRequestUri().getRawQuery() == null ? "" : uri.getRequestUri().getRawQuery();
        WidgetKind what = r.kind();
        String alt;
        try {
            alt = WidgetResource.altText(index, cache, r);
        } catch (barometer.indexer.InvalidQueryException e) {
            // The page still loads and its script shows the refusal where the chart would be.
            alt = what.title(r);
        }
        return embed.render(Map.of("title", what.title(r), "kind", what.path(), "theme", r.pageTheme(),
                "full", what.fullPage(query), "alt", alt));
    }

    static String oembedUrl(UriInfo uri, String page) {
        return uri.getBaseUri().resolve("oembed").toString() + "?format=json&url="
                + URLEncoder.encode(page, StandardCharsets.UTF_8);
    }
}
