package barometer.api;

import barometer.indexer.NewsIndex;
import barometer.indexer.TrendQuery;
import barometer.indexer.TrendSeries;
import barometer.indexer.trend.TrendPoint;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;

/** {@code GET /api/trends}: articles per day, week or month matching a query, and their mean sentiment. */
@Path("/api/trends")
@Produces(MediaType.APPLICATION_JSON)
public class TrendResource {
    private final NewsIndex index;

    TrendResource(NewsIndex index) {
        this.index = index;
    }

    /** The JSON answer: the query, the interval (day, week or month) and one point per bucket. */
    public record Trend(String query, String interval, List<TrendPoint> points) {
        static Trend of(TrendSeries s) {
            return new Trend(s.query(), s.interval().name().toLowerCase(Locale.ROOT), s.points());
        }
    }

    @GET
    public Trend trend(@QueryParam("q") String q, @QueryParam("from") String from, @QueryParam("to") String to,
                             @QueryParam("interval") String interval, @QueryParam("tz") String tz) {
        return Trend.of(index.trend(new TrendQuery(q, QueryParams.date("from", from), QueryParams.date("to", to),
                QueryParams.interval(interval), QueryParams.zone(tz))));
    }
}
