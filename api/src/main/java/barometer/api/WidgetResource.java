package barometer.api;

import barometer.indexer.InvalidQueryException;
import barometer.indexer.NewsIndex;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Static widgets for email and CMSs: {@code /widgets/trend.png|svg?q=&measure=},
 * {@code /widgets/poll.png|svg?topic=&answer=} and {@code /widgets/overview.png|svg?topic=&q=} ({@link WidgetKind}), drawn on the server with the title, latest value and date range in
 * the picture. A rendered image is kept per index version, so an unchanged series costs neither index work nor
 * drawing (and a client's If-None-Match gets a 304 before either).
 */
@Path("/widgets")
public class WidgetResource {
    private final NewsIndex index;
    private final WidgetCache cache;

    WidgetResource(NewsIndex index, WidgetCache cache) {
        this.index = index;
        this.cache = cache;
    }

    @GET
    @Path("/{kind}.{format}")
    @Operation(summary = "A trend, poll-average or overview chart as PNG or SVG", description = "kind: trend (q, "
            + "measure articles|share|tone, from, to, interval), poll (topic, answer) or overview (topic, answer, q, "
            + "from, to, interval: support, share of coverage and tone on one time axis); format: png or svg; width, "
            + "height (pixels), theme light|dark, title. The SVG carries the chart in words as its accessible name.")
    public Response image(@PathParam("kind") String kind, @PathParam("format") String format,
            @QueryParam("q") String q, @QueryParam("measure") String measure, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("interval") String interval, @QueryParam("topic") String topic,
            @QueryParam("answer") String answer, @QueryParam("theme") String theme, @QueryParam("width") String width,
            @QueryParam("height") String height, @QueryParam("title") String title, @Context UriInfo uri) {
        boolean png = switch (format) {
            case "png" -> true;
            case "svg" -> false;
            default -> throw new InvalidQueryException("unknown image format '" + format + "'", "use .png or .svg");
        };
        WidgetRequest r = WidgetRequest.of(WidgetKind.parse(kind), q, measure, from, to, interval, topic, answer, theme,
                width, height, title);
        byte[] bytes = cache.get(index.version(), r.cacheKey(format), () -> {
            var series = r.kind().series(index, r);
            return png ? WidgetImage.png(series, r.width(), r.height(), r.imageTheme())
                    : WidgetImage.svg(series, r.width(), r.height(), r.imageTheme());
        });
        return Response.ok(bytes, png ? "image/png" : "image/svg+xml; charset=utf-8").build();
    }

    /**
     * The chart in words ({@link WidgetSeries#altText(java.util.List)}) from the series the image draws, kept in
     * the same cache: an embed page or an oEmbed answer costs no index work while the index is unchanged.
     */
    static String altText(NewsIndex index, WidgetCache cache, WidgetRequest r) {
        return new String(cache.get(index.version(), r.altTextKey(), () -> WidgetSeries.altText(r.kind().series(index, r))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)), java.nio.charset.StandardCharsets.UTF_8);
    }
}
