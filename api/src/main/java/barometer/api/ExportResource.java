package barometer.api;

import barometer.indexer.ExportedArticle;
import barometer.indexer.InvalidQueryException;
import barometer.indexer.NewsIndex;
import barometer.indexer.SearchRequest;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * {@code GET /api/export/articles}: every article a search matches, and {@code GET /api/export/sentences}: every
 * sentence behind a tone series, streamed as CSV or JSON lines, for any number of rows, with no cap and no rate
 * limit; the index answers from one snapshot, page by page, so the heap holds a page at a time.
 */
@Path("/api/export")
public class ExportResource {
    private final NewsIndex index;
    private final ObjectMapper json;

    ExportResource(NewsIndex index, ObjectMapper json) {
        this.index = index;
        this.json = json;
    }

    /** The formats an export comes in. */
    enum ExportFormat {
        CSV("text/csv; charset=utf-8", "csv"),
        JSONL("application/x-ndjson; charset=utf-8", "jsonl");

        final String mediaType;
        final String extension;

        ExportFormat(String mediaType, String extension) {
            this.mediaType = mediaType;
            this.extension = extension;
        }

        static ExportFormat parse(String value) {
            if (value == null || value.isBlank()) {
                return CSV;
            }
            for (ExportFormat f : values()) {
                if (f.extension.equalsIgnoreCase(value.strip())) {
                    return f;
                }
            }
            throw new InvalidQueryException("format must be csv or jsonl, was '" + value + "'",
                    "use format=csv (the default) or format=jsonl (one JSON object a line)");
        }
    }

    /** One exported row (authors joined by "; "). */
    @JsonPropertyOrder({"url", "title", "source", "published", "authors", "language", "story", "sentiment", "tone",
        "negativeShare", "neutralShare", "positiveShare", "text"})
    public record Row(String url, String title, String source, Instant published, String authors, String language,
                      String story, Double sentiment, String tone, Double negativeShare, Double neutralShare,
                      Double positiveShare, String text) {
        static Row of(ExportedArticle a) {
            return new Row(a.url(), a.title(), a.source(), a.published(),
                    a.authors().isEmpty() ? null : String.join("; ", a.authors()),
                    a.language().isEmpty() ? null : a.language(), a.story(), a.sentiment(), a.tone(),
                    a.negativeShare(), a.neutralShare(), a.positiveShare(), a.text());
        }
    }

    /** One exported sentence: its article, its class and the tone toward each phrase the query names. */
    @JsonPropertyOrder({"url", "title", "source", "published", "sentence", "sentiment", "mentionTones"})
    public record SentenceRow(String url, String title, String source, Instant published, String sentence,
                              int sentiment, String mentionTones) {
        static SentenceRow of(barometer.indexer.SentenceHit h) {
            return new SentenceRow(h.url(), h.title(), h.source(), h.published(), h.text(), h.sentiment(),
                    h.mentionTones().isEmpty() ? null
                            : String.join("; ", h.mentionTones().stream().map(t -> t.label()).toList()));
        }
    }

    @GET
    @Path("sentences")
    @Produces({"text/csv", "application/x-ndjson"})
    @Operation(summary = "Export the sentences behind a tone series", description = "Every tagged sentence matching "
            + "the query in the period, as the trend's tone measures read it: the sentence class (0..4, scope="
            + "sentences) and the tone toward each phrase the query names (mentionTones, scope=mentions), with its "
            + "article's url, title, source and publication time; CSV (default) or JSON lines.")
    public Response sentences(
            @Parameter(description = "Lucene query, as in /api/trends") @QueryParam("q") String q,
            @Parameter(description = "first day, YYYY-MM-DD") @QueryParam("from") String from,
            @Parameter(description = "last day, YYYY-MM-DD") @QueryParam("to") String to,
            @Parameter(description = "csv (default) or jsonl") @QueryParam("format") String format) {
        ExportFormat kind = ExportFormat.parse(format);
        if (q == null || q.isBlank()) {
            throw new InvalidQueryException("q is required", "name the words whose sentences to export, e.g. q=calexit");
        }
        java.time.LocalDate first = QueryParams.date("from", from), last = QueryParams.date("to", to);
        // Parsed before the first row, so that a query that cannot be read is a 400, not a broken download.
        index.countArticles(new SearchRequest(q, first, last, List.of(), List.of(), List.of(), null, null, 1, 1, null));
        java.time.ZoneId utc = java.time.ZoneOffset.UTC;
        return stream(kind, SentenceRow.class, "barometer-sentences",
                row -> index.exportSentences(q, first, last, utc, h -> row.accept(SentenceRow.of(h))), null);
    }

    @GET
    @Path("articles")
    @Produces({"text/csv", "application/x-ndjson"})
    @Operation(summary = "Export every matching article", description = "All articles the search parameters match "
            + "(no page size, no cap), streamed as CSV (default) or JSON lines: url, title, source, published, "
            + "authors, language, story id, tone measures, and with text=true the main text. X-Total-Count "
            + "gives the number of rows ahead.")
    public Response articles(
            @Parameter(description = "Lucene query; blank exports every article") @QueryParam("q") String q,
            @Parameter(description = "first day, YYYY-MM-DD (UTC)") @QueryParam("from") String from,
            @Parameter(description = "last day, YYYY-MM-DD (UTC)") @QueryParam("to") String to,
            @Parameter(description = "outlet name; repeat for several") @QueryParam("source") List<String> sources,
            @Parameter(description = "topic tag of the feed; repeat for several") @QueryParam("topic") List<String> topics,
            @Parameter(description = "negative, neutral or positive (the article's mean tone)") @QueryParam("tone") String tone,
            @Parameter(description = "csv (default) or jsonl") @QueryParam("format") String format,
            @Parameter(description = "true to add each article's main text") @QueryParam("text") String text) {
        ExportFormat kind = ExportFormat.parse(format);
        boolean withText = flag("text", text);
        SearchRequest request = new SearchRequest(q, QueryParams.date("from", from), QueryParams.date("to", to),
                sources, topics, List.of(), QueryParams.tone(tone), null, 1, 1, null);
        // Counted first, so that a query that cannot be read is a 400 before any row is sent.
        long total = index.countArticles(request);
        return stream(kind, Row.class, "barometer-articles",
                row -> index.exportArticles(request, withText, a -> row.accept(Row.of(a))), total);
    }

    /** A streamed CSV or JSON-lines download of the rows the producer hands over. */
    private <T> Response stream(ExportFormat kind, Class<T> rowType, String name,
            java.util.function.Consumer<java.util.function.Consumer<T>> rows, Long total) {
        StreamingOutput body = kind == ExportFormat.CSV
                ? CsvExport.streamed(rowType, rows)
                : out -> {
                    ObjectWriter writer = json.writerFor(rowType);
                    BufferedOutputStream buffered = new BufferedOutputStream(out, 1 << 16);
                    rows.accept(row -> {
                        try {
                            buffered.write(writer.writeValueAsBytes(row));
                            buffered.write('\n');
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
                    buffered.flush();
                };
        Response.ResponseBuilder response = Response.ok(body, kind.mediaType)
                .header("Content-Disposition", "attachment; filename=\"" + name + "." + kind.extension + "\"");
        return (total == null ? response : response.header("X-Total-Count", total)).build();
    }

    private static boolean flag(String name, String value) {
        if (value == null || value.isBlank() || value.equalsIgnoreCase("false")) {
            return false;
        }
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        throw new InvalidQueryException(name + " must be true or false, was '" + value + "'", name + "=true");
    }

}
