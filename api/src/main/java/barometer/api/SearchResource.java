package barometer.api;

import barometer.indexer.InvalidQueryException;
import barometer.indexer.NewsIndex;
import barometer.indexer.SearchHit;
import barometer.indexer.SearchPage;
import barometer.indexer.SearchRequest;
import barometer.indexer.SearchSort;
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
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** {@code GET /api/search}: articles matching a keyword query, with filters, facets and highlighted snippets. */
@Path("/api/search")
public class SearchResource {
    private final NewsIndex index;

    SearchResource(NewsIndex index) {
        this.index = index;
    }

    /** The JSON answer. */
    public record Results(long total, long stories, int page, int size, List<Hit> hits,
                          Map<String, Map<String, Long>> facets, String nextCursor) {
    }

    /**
     * One hit; {@code sentiment} is the mean sentence label, 0 (very negative) .. 4 (very positive), and the
     * shares are of its tagged sentences.
     */
    @JsonPropertyOrder({"title", "url", "source", "date", "authors", "language", "sentiment", "tone", "negativeShare",
        "neutralShare", "positiveShare", "snippet"})
    public record Hit(String title, String url, String source, Instant date, String authors, String language,
                      Double sentiment, String tone, Double negativeShare, Double neutralShare, Double positiveShare,
                      String snippet) {
        static Hit of(SearchHit h) {
            return new Hit(h.title(), h.url(), h.source(), h.published(),
                    h.authors().isEmpty() ? null : String.join("; ", h.authors()),
                    h.language().isEmpty() ? null : h.language(), h.sentiment(), h.tone(), h.negativeShare(),
                    h.neutralShare(), h.positiveShare(), h.snippet());
        }
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, CsvExport.TEXT_CSV})
    @Operation(summary = "Search articles", description = "Lucene query syntax over title and text; filters, "
            + "facet counts (source, topic, tone, year), highlighting, relevance or date order, page numbers up to "
            + "10,000 results or a cursor beyond. format=csv gives the page as a table.")
    public Response search(
            @Parameter(description = "Lucene query; blank lists every article, newest first") @QueryParam("q") String q,
            @Parameter(description = "first day, YYYY-MM-DD (UTC)") @QueryParam("from") String from,
            @Parameter(description = "last day, YYYY-MM-DD (UTC)") @QueryParam("to") String to,
            @Parameter(description = "outlet name; repeat for several") @QueryParam("source") List<String> sources,
            @Parameter(description = "topic tag of the feed; repeat for several") @QueryParam("topic") List<String> topics,
            @Parameter(description = "article (the only kind searched; polls are at /api/polls)") @QueryParam("kind") List<String> kinds,
            @Parameter(description = "negative, neutral or positive (the article's mean tone)") @QueryParam("tone") String tone,
            @Parameter(description = "relevance (default with a query) or date") @QueryParam("sort") String sort,
            @Parameter(description = "page number from 1") @QueryParam("page") String page,
            @Parameter(description = "hits per page, 1-100 (default 10)") @QueryParam("size") String size,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "json (default) or csv") @QueryParam("format") String format,
            @Context HttpHeaders headers) {
        SearchPage result = index.search(new SearchRequest(q, QueryParams.date("from", from), QueryParams.date("to", to),
                sources, topics, kinds, QueryParams.tone(tone), sort(sort), QueryParams.positive("page", page, 1),
                QueryParams.positive("size", size, 10), cursor));
        List<Hit> hits = result.hits().stream().map(Hit::of).toList();
        if (CsvExport.wanted(format, headers)) {
            return CsvExport.of(Hit.class, hits, "barometer-search.csv");
        }
        return Response.ok(new Results(result.total(), result.stories(), result.page(), result.pageSize(), hits, result.facets(),
                result.nextCursor()), MediaType.APPLICATION_JSON_TYPE).build();
    }


    private static SearchSort sort(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip().toLowerCase()) {
            case "relevance" -> SearchSort.RELEVANCE;
            case "date" -> SearchSort.DATE;
            default -> throw new InvalidQueryException("sort must be relevance or date, was '" + value + "'",
                    "use sort=relevance (best match first) or sort=date (newest first)");
        };
    }
}
