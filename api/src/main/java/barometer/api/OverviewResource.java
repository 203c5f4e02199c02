package barometer.api;

import barometer.indexer.InvalidQueryException;
import barometer.indexer.NewsIndex;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * {@code GET /api/overview}: support, attention and tone of one topic on one time axis ({@link Overview}), as JSON
 * or one tidy CSV.
 */
@Path("/api/overview")
public class OverviewResource {
    private final NewsIndex index;

    OverviewResource(NewsIndex index) {
        this.index = index;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, CsvExport.TEXT_CSV})
    @Operation(summary = "Support, attention and tone on one time axis", description = "Per bucket: the poll average "
            + "of one answer on the bucket's last day with its 95% interval, the share of coverage of the query with "
            + "its Wilson interval (percent), and the net tone toward the query's words (-1..+1) with its interval. "
            + "format=csv gives one tidy row per bucket and measure: date,measure,unit,value,low,high,n.")
    public Response overview(@Parameter(description = "poll topic", required = true) @QueryParam("topic") String topic,
            @Parameter(description = "poll answer (default support)") @QueryParam("answer") String answer,
            @Parameter(description = "coverage query (default: the topic)") @QueryParam("q") String q,
            @Parameter(description = "first day, YYYY-MM-DD") @QueryParam("from") String from,
            @Parameter(description = "last day, YYYY-MM-DD") @QueryParam("to") String to,
            @Parameter(description = "day, week, month (default) or year") @QueryParam("interval") String interval,
            @Parameter(description = "json (default) or csv") @QueryParam("format") String format,
            @Context HttpHeaders headers) {
        OverviewRequest r = OverviewRequest.of(topic, answer, q, from, to, interval);
        Overview overview = r.compute(index);
        if (CsvExport.wanted(format, headers)) {
            return CsvExport.of(Overview.Row.class, overview.rows(), "barometer-overview.csv");
        }
        return Response.ok(overview, MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** The parameters of an overview, checked once (the resource, widgets and snapshots read the same). */
    record OverviewRequest(String topic, String answer, String q, java.time.LocalDate from, java.time.LocalDate to,
            barometer.indexer.trend.Interval interval) {
        static OverviewRequest of(String topic, String answer, String q, String from, String to, String interval) {
            if (topic == null || topic.isBlank()) {
                throw new InvalidQueryException("topic is required", "e.g. topic=secession&answer=support");
            }
            String t = topic.strip();
            return new OverviewRequest(t, answer == null || answer.isBlank() ? "support" : answer.strip(),
                    q == null || q.isBlank() ? t : q.strip(), QueryParams.date("from", from), QueryParams.date("to", to),
                    QueryParams.interval(interval));
        }

        Overview compute(NewsIndex index) {
            return Overview.compute(index, topic, answer, q, from, to, interval);
        }
    }
}
