package barometer.api;

import barometer.crawler.source.SourceCatalog;
import barometer.indexer.NewsIndex;
import barometer.indexer.trend.CoverageGaps;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * {@code GET /api/sources/health}: per outlet, its articles per day and the days it published far below its usual
 * volume ({@link CoverageGaps}); per feed, what the crawler last did with it. So that a researcher can tell "no
 * coverage" from "no data".
 */
@Path("/api/sources/health")
public class SourceHealthResource {
    private final NewsIndex index;
    private final SourceCatalog feeds;

    SourceHealthResource(NewsIndex index, SourceCatalog feeds) {
        this.index = index;
        this.feeds = feeds;
    }

    /** One gap of an outlet: first and last day, its length, and the usual articles a day before it. */
    public record GapView(LocalDate from, LocalDate to, long days, double usualPerDay) {
    }

    /** An outlet's volume in the period and its gaps. */
    public record OutletHealth(String source, long articles, LocalDate firstArticle, LocalDate lastArticle,
                               long daysWithArticles, List<GapView> gaps) {
    }

    /** A feed or listing page, as the crawler last saw it. */
    public record FeedHealth(String url, String topic, Instant lastCrawl, long crawls, long articles,
                             int failuresInARow, String lastError, Instant lastErrorAt) {
    }

    /** The answer: the gap rule in words, the outlets, the feeds. */
    public record Health(String rule, List<OutletHealth> sources, List<FeedHealth> feeds) {
    }

    /** One tidy CSV row: an outlet's articles on a day, and whether the day is in a gap. */
    @JsonPropertyOrder({"source", "date", "articles", "gap"})
    public record DayRow(String source, LocalDate date, long articles, boolean gap) {
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, CsvExport.TEXT_CSV})
    @Operation(summary = "Coverage health of each source", description = "Per outlet: articles, first and last "
            + "article, days with articles, and gaps (days far below the outlet's usual volume); per feed: last "
            + "crawl, failures in a row, last error. format=csv gives one row per outlet and day.")
    public Response health(
            @Parameter(description = "first day, YYYY-MM-DD (UTC)") @QueryParam("from") String from,
            @Parameter(description = "last day, YYYY-MM-DD (UTC)") @QueryParam("to") String to,
            @Parameter(description = "json (default) or csv") @QueryParam("format") String format,
            @Context HttpHeaders headers) {
        LocalDate first = QueryParams.date("from", from), last = QueryParams.date("to", to);
        List<Outlet> outlets = new ArrayList<>();
        index.articlesPerDay(first, last).forEach((source, days) -> {
            if (!days.isEmpty()) {
                LocalDate a = days.keySet().stream().min(LocalDate::compareTo).orElseThrow();
                LocalDate b = days.keySet().stream().max(LocalDate::compareTo).orElseThrow();
                LocalDate spanFrom = first != null ? first : a, spanTo = last != null ? last : b;
                outlets.add(new Outlet(source, days, a, b, spanFrom, spanTo, CoverageGaps.find(days, spanFrom, spanTo)));
            }
        });
        if (CsvExport.wanted(format, headers)) {
            List<DayRow> rows = new ArrayList<>();
            for (Outlet o : outlets) {
                for (LocalDate d = o.spanFrom(); !d.isAfter(o.spanTo()); d = d.plusDays(1)) {
                    LocalDate day = d;
                    boolean inGap = o.gaps().stream().anyMatch(g -> !day.isBefore(g.from()) && !day.isAfter(g.to()));
                    rows.add(new DayRow(o.source(), day, o.days().getOrDefault(day, 0L), inGap));
                }
            }
            return CsvExport.of(DayRow.class, rows, "barometer-source-health.csv");
        }
        List<OutletHealth> views = outlets.stream().map(o -> new OutletHealth(o.source(),
                o.days().values().stream().mapToLong(Long::longValue).sum(), o.firstArticle(), o.lastArticle(),
                o.days().size(), o.gaps().stream().map(g -> new GapView(g.from(), g.to(),
                        g.to().toEpochDay() - g.from().toEpochDay() + 1, g.usualPerDay())).toList())).toList();
        List<FeedHealth> feedViews = feeds.all().entrySet().stream()
                .map(e -> new FeedHealth(e.getKey().url(), e.getKey().topic(), e.getValue().lastCrawl(),
                        e.getValue().crawls(), e.getValue().articles(), e.getValue().failures(),
                        e.getValue().lastError().isEmpty() ? null : e.getValue().lastError(), e.getValue().lastErrorAt()))
                .toList();
        String rule = "A day is in a gap when the outlet's median articles a day over the " + CoverageGaps.WINDOW
                + " days before it is at least " + CoverageGaps.MIN_USUAL + " and the day has less than "
                + (int) (CoverageGaps.GAP_SHARE * 100) + "% of it; outlets that publish less than daily show no gaps.";
        return Response.ok(new Health(rule, views, feedViews)).build();
    }

    /** An outlet's daily counts, its first and last article, the span its gaps were read over, and the gaps. */
    private record Outlet(String source, Map<LocalDate, Long> days, LocalDate firstArticle, LocalDate lastArticle,
                          LocalDate spanFrom, LocalDate spanTo, List<CoverageGaps.Gap> gaps) {
    }
}
