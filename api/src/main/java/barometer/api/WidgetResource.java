package barometer.api;

import barometer.indexer.InvalidQueryException;
import barometer.indexer.NewsIndex;
import barometer.indexer.PollFilter;
import barometer.indexer.ToneScope;
import barometer.indexer.TrendQuery;
import barometer.indexer.poll.PollAverage;
import barometer.indexer.poll.PollAverageSettings;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.ZoneOffset;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Static widgets for email and CMSs: {@code /widgets/trend.png|svg?q=&measure=} and
 * {@code /widgets/poll.png|svg?topic=&answer=}, drawn on the server with the title, latest value and date range in
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
    @Operation(summary = "A trend or poll-average chart as PNG or SVG", description = "kind: trend (q, measure "
            + "articles|share|tone, from, to, interval) or poll (topic, answer); format: png or svg; width, height "
            + "(pixels), theme light|dark, title.")
    public Response image(@PathParam("kind") String kind, @PathParam("format") String format,
            @QueryParam("q") String q, @QueryParam("measure") String measure, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("interval") String interval, @QueryParam("topic") String topic,
            @QueryParam("answer") String answer, @QueryParam("theme") String theme, @QueryParam("width") String width,
            @QueryParam("height") String height, @QueryParam("title") String title, @Context UriInfo uri) {
        boolean poll = kindIsPoll(kind);
        boolean png = switch (format) {
            case "png" -> true;
            case "svg" -> false;
            default -> throw new InvalidQueryException("unknown image format '" + format + "'", "use .png or .svg");
        };
        WidgetRequest r = WidgetRequest.of(q, measure, from, to, interval, topic, answer, theme, width, height, title);
        byte[] bytes = cache.get(index.version(), r.cacheKey(poll, format), () -> {
            WidgetSeries series = series(index, r, poll);
            return png ? WidgetImage.png(series, r.width(), r.height(), r.theme())
                    : WidgetImage.svg(series, r.width(), r.height(), r.theme());
        });
        return Response.ok(bytes, png ? "image/png" : "image/svg+xml; charset=utf-8").build();
    }

    static boolean kindIsPoll(String kind) {
        return switch (kind) {
            case "trend" -> false;
            case "poll" -> true;
            default -> throw new InvalidQueryException("unknown widget '" + kind + "'", "use trend or poll");
        };
    }

    /** The series a widget request asks for. */
    static WidgetSeries series(NewsIndex index, WidgetRequest r, boolean poll) {
        if (poll) {
            if (r.topic().isEmpty()) {
                throw new InvalidQueryException("topic is required for a poll widget", "e.g. topic=secession");
            }
            var polls = index.polls(new PollFilter(r.topic(), null, null, null, null, false));
            return WidgetSeries.of(new PollAverage(PollAverageSettings.DEFAULTS).compute(polls, r.answer()),
                    r.titleFor(true));
        }
        var trend = index.trend(new TrendQuery(r.q(), QueryParams.date("from", r.from()), QueryParams.date("to", r.to()),
                QueryParams.interval(r.interval()), ZoneOffset.UTC, ToneScope.MENTIONS, false, 1));
        return WidgetSeries.of(trend, r.measure(), r.titleFor(false));
    }
}
