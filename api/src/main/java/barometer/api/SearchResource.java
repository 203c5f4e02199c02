package barometer.api;

import barometer.indexer.NewsIndex;
import barometer.indexer.SearchHit;
import barometer.indexer.SearchPage;
import barometer.indexer.SearchRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;

/** {@code GET /api/search}: articles matching a keyword query, best first, with highlighted snippets. */
@Path("/api/search")
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {
    private final NewsIndex index;

    SearchResource(NewsIndex index) {
        this.index = index;
    }

    /** The JSON answer: total matches and one page of hits. */
    public record Results(long total, int page, int size, List<Hit> hits) {
    }

    /** One hit; {@code sentiment} is the mean sentence label, 0 (very negative) .. 4 (very positive). */
    public record Hit(String title, String url, String source, Instant date, Double sentiment, String tone,
                      String snippet) {
        static Hit of(SearchHit h) {
            return new Hit(h.title(), h.url(), h.source(), h.published(), h.sentiment(), Tone.of(h.sentiment()),
                    h.snippet());
        }
    }

    @GET
    public Results search(@QueryParam("q") String q, @QueryParam("from") String from, @QueryParam("to") String to,
                          @QueryParam("page") String page, @QueryParam("size") String size) {
        SearchPage result = index.search(new SearchRequest(q, QueryParams.date("from", from),
                QueryParams.date("to", to), QueryParams.positive("page", page, 1),
                QueryParams.positive("size", size, 10)));
        return new Results(result.total(), result.page(), result.pageSize(),
                result.hits().stream().map(Hit::of).toList());
    }
}
