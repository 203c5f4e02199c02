package barometer.api;

import barometer.indexer.InvalidQueryException;
import barometer.indexer.NewsIndex;
import barometer.indexer.SentenceHit;
import barometer.indexer.ShareOf;
import barometer.indexer.ToneScale;
import barometer.indexer.ToneScope;
import barometer.indexer.TrendQuery;
import barometer.indexer.TrendSeries;
import barometer.indexer.trend.Interval;
import barometer.indexer.trend.TrendPoint;
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
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * {@code GET /api/trends}: per day, week, month or year, for up to five queries at once, the number of
 * matching articles, their share of all articles, and their tone with a 95% confidence interval; and
 * {@code GET /api/trends/evidence}: the sentences behind one bucket's tone.
 */
@Path("/api/trends")
public class TrendResource {
    /** Sentences read to tell whether a query names someone ({@link QueryKind}). */
    private static final int KIND_EVIDENCE = 30;
    /** Queries compared in one request at most. */
    static final int MAX_QUERIES = 5;
    private static final int MAX_EVIDENCE = 200;

    private final NewsIndex index;

    TrendResource(NewsIndex index) {
        this.index = index;
    }

    /** The JSON answer: shared settings and one series per query. */
    public record Trends(String interval, String scope, String scale, String shareOf, int smoothing, String zone,
                         List<Series> series) {
    }

    /**
     * One query's series, with per-outlet series when asked. {@code toneMeasure} names what its tone is:
     * {@code mentions} (the keyword-scoped tone model on the query's words), {@code sentences} (CoreNLP's
     * sentence class; also what a blank query gets) or {@code articles}; {@code GET /api/methods} describes
     * each with its measured accuracy. {@code queryKind} says whether the query reads as a name (the kind the
     * tone figures were measured on) or a word (no tone accuracy measured for it).
     */
    public record Series(String query, String toneMeasure, QueryKind queryKind, List<TrendPoint> points,
                         Map<String, List<TrendPoint>> bySource) {
    }

    /** One CSV row: a bucket of one query (and one outlet, or blank for all). */
    @JsonPropertyOrder({"query", "source", "start", "articles", "stories", "allArticles", "allStories", "share",
        "shareLow", "shareHigh", "articlesSmoothed", "toneMeasure", "toneScale", "toneCount", "toneArticles", "tone",
        "toneLow", "toneHigh", "toneTooFew", "untagged"})
    public record Row(String query, String source, LocalDate start, long articles, long stories, long allArticles,
                      long allStories, Double share, Double shareLow, Double shareHigh, Double articlesSmoothed,
                      String toneMeasure, String toneScale, long toneCount, long toneArticles, Double tone,
                      Double toneLow, Double toneHigh, boolean toneTooFew, long untagged) {
        static Row of(String query, String source, TrendSeries s, TrendPoint p) {
            return new Row(query, source, p.start(), p.articles(), p.stories(), p.allArticles(), p.allStories(),
                    p.share(), p.shareLow(), p.shareHigh(), p.articlesSmoothed(), measure(s), scale(s.scale()),
                    p.toneCount(), p.toneArticles(), p.tone(), p.toneLow(), p.toneHigh(), p.toneTooFew(),
                    p.untagged());
        }
    }

    static String scale(ToneScale scale) {
        return scale == ToneScale.NET ? "net" : "class";
    }

    static String measure(TrendSeries series) {
        return series.scope().name().toLowerCase(Locale.ROOT);
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, CsvExport.TEXT_CSV})
    @Operation(summary = "Coverage and tone over time", description = "One series per q (repeat q to compare, "
            + "at most 5). Per bucket: matching articles, distinct stories, all articles, share with its 95% Wilson "
            + "interval (of articles, or of distinct stories with shareOf=stories), and tone: net tone -1..+1 by "
            + "default (share positive minus share negative; scale=class for the 0..4 scale), from the keyword-scoped "
            + "tone toward the query's words (scope=mentions), the class of the matching sentences (scope=sentences) "
            + "or whole articles (scope=articles), with its 95% interval counting articles, not values, as the "
            + "independent draws; toneTooFew marks a bucket with fewer than 10 articles, which gets no interval. "
            + "Empty buckets are included. format=csv gives one row per bucket and query (and source with by=source).")
    public Response trends(
            @Parameter(description = "Lucene query; repeat to compare (max 5); blank: all articles") @QueryParam("q") List<String> queries,
            @Parameter(description = "first day, YYYY-MM-DD") @QueryParam("from") String from,
            @Parameter(description = "last day, YYYY-MM-DD") @QueryParam("to") String to,
            @Parameter(description = "day, week, month (default) or year") @QueryParam("interval") String interval,
            @Parameter(description = "IANA time zone deciding the day of each article (default UTC)") @QueryParam("tz") String tz,
            @Parameter(description = "tone measure: mentions (default: the keyword-scoped tone toward the query's words), sentences (class of the matching sentences) or articles") @QueryParam("scope") String scope,
            @Parameter(description = "source: add one series per outlet") @QueryParam("by") String by,
            @Parameter(description = "tone scale: net (default, -1..+1) or class (0..4)") @QueryParam("scale") String scale,
            @Parameter(description = "what the share counts: articles (default) or stories (each story once)") @QueryParam("shareOf") String shareOf,
            @Parameter(description = "trailing window in buckets for share and tone (default 1: none)") @QueryParam("smooth") String smooth,
            @Parameter(description = "json (default) or csv") @QueryParam("format") String format,
            @Context HttpHeaders headers) {
        List<String> qs = queries == null || queries.isEmpty() ? List.of("") : queries;
        if (qs.size() > MAX_QUERIES) {
            throw new InvalidQueryException("at most " + MAX_QUERIES + " queries can be compared, got " + qs.size(),
                    "split the comparison into several requests");
        }
        Interval iv = QueryParams.interval(interval);
        ZoneId zone = QueryParams.zone(tz);
        ToneScope toneScope = scope(scope);
        boolean bySource = bySource(by);
        int smoothing = QueryParams.positive("smooth", smooth, 1);
        LocalDate fromDay = QueryParams.date("from", from), toDay = QueryParams.date("to", to);
        ToneScale toneScale = toneScale(scale);
        ShareOf share = shareOf(shareOf);
        List<TrendSeries> series = new ArrayList<>();
        for (String q : qs) {
            series.add(index.trend(new TrendQuery(q, fromDay, toDay, iv, zone, toneScope, bySource, smoothing, toneScale,
                    share)));
        }
        series = onCommonBuckets(series, new TrendQuery("", fromDay, toDay, iv, zone, toneScope, bySource, smoothing,
                toneScale, share), toneScope);
        if (CsvExport.wanted(format, headers)) {
            return CsvExport.of(Row.class, rows(series), "barometer-trends.csv");
        }
        List<Series> out = series.stream().map(s -> new Series(s.query(), measure(s),
                QueryKind.of(s.query(), s.query().isEmpty() ? List.of()
                        : index.sentenceTexts(s.query(), KIND_EVIDENCE)),
                s.points(), s.bySource())).toList();
        return Response.ok(new Trends(iv.name().toLowerCase(Locale.ROOT), toneScope.name().toLowerCase(Locale.ROOT),
                scale(toneScale), share.name().toLowerCase(Locale.ROOT), smoothing, zone.getId(), out),
                MediaType.APPLICATION_JSON_TYPE).build();
    }

    /**
     * Without an explicit range each series spans its own matches; compared series must share their
     * buckets, so those that are shorter are asked again over the union of the spans. {@code asked} holds the
     * shared settings; {@code scope} is passed apart because a blank query's own scope falls back to sentences.
     */
    private List<TrendSeries> onCommonBuckets(List<TrendSeries> series, TrendQuery asked, ToneScope scope) {
        LocalDate from = asked.from(), to = asked.to();
        if (series.size() < 2 || (from != null && to != null)) {
            return series;
        }
        LocalDate first = null, last = null;
        for (TrendSeries s : series) {
            if (!s.points().isEmpty()) {
                LocalDate a = s.points().get(0).start(), b = s.points().get(s.points().size() - 1).start();
                first = first == null || a.isBefore(first) ? a : first;
                last = last == null || b.isAfter(last) ? b : last;
            }
        }
        if (first == null) {
            return series;
        }
        Interval iv = asked.interval();
        LocalDate commonFrom = from != null ? from : first, commonTo = to != null ? to : iv.next(last).minusDays(1);
        List<TrendSeries> out = new ArrayList<>();
        for (TrendSeries s : series) {
            boolean aligned = !s.points().isEmpty() && s.points().get(0).start().equals(iv.bucketStart(commonFrom))
                    && s.points().get(s.points().size() - 1).start().equals(iv.bucketStart(commonTo));
            out.add(aligned ? s : index.trend(new TrendQuery(s.query(), commonFrom, commonTo, iv, asked.zone(),
                    scope, asked.bySource(), asked.smoothing(), asked.scale(), asked.shareOf())));
        }
        return out;
    }

    private static List<Row> rows(List<TrendSeries> series) {
        List<Row> rows = new ArrayList<>();
        for (TrendSeries s : series) {
            s.points().forEach(p -> rows.add(Row.of(s.query(), "", s, p)));
            s.bySource().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> e.getValue().forEach(p -> rows.add(Row.of(s.query(), e.getKey(), s, p))));
        }
        return rows;
    }

    /**
     * One sentence behind a bucket's tone, with its article: its CoreNLP class ({@code sentiment}, 0-4) and the
     * keyword-scoped tone toward each phrase the query names in it ({@code mentionTones}).
     */
    public record Evidence(String text, int sentiment, List<String> mentionTones, String url, String title,
                           String source, Instant date) {
        static Evidence of(SentenceHit h) {
            return new Evidence(h.text(), h.sentiment(), h.mentionTones().stream().map(t -> t.label()).toList(),
                    h.url(), h.title(), h.source(), h.published());
        }
    }

    @GET
    @Path("/evidence")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The sentences behind one bucket's tone",
            description = "The matching sentences published in the bucket that starts at 'start', oldest first, "
            + "each with its label (0..4, -1 when too long to tag) and its article.")
    public List<Evidence> evidence(
            @Parameter(description = "Lucene query", required = true) @QueryParam("q") String q,
            @Parameter(description = "the bucket's first day, YYYY-MM-DD", required = true) @QueryParam("start") String start,
            @Parameter(description = "day, week, month (default) or year") @QueryParam("interval") String interval,
            @Parameter(description = "IANA time zone (default UTC)") @QueryParam("tz") String tz,
            @Parameter(description = "at most this many sentences (default 50, max 200)") @QueryParam("limit") String limit) {
        LocalDate first = QueryParams.date("start", start);
        if (first == null) {
            throw new InvalidQueryException("start is required", "give the bucket's first day, e.g. start=2017-01-01");
        }
        Interval iv = QueryParams.interval(interval);
        LocalDate bucket = iv.bucketStart(first);
        int n = Math.min(MAX_EVIDENCE, QueryParams.positive("limit", limit, 50));
        return index.sentences(q, bucket, iv.next(bucket).minusDays(1), QueryParams.zone(tz), n).stream()
                .map(Evidence::of).toList();
    }

    private static ToneScope scope(String value) {
        if (value == null || value.isBlank()) {
            return ToneScope.MENTIONS;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "mentions" -> ToneScope.MENTIONS;
            case "sentences" -> ToneScope.SENTENCES;
            case "articles" -> ToneScope.ARTICLES;
            default -> throw new InvalidQueryException("scope must be mentions, sentences or articles, was '" + value
                    + "'", "scope=mentions (default) takes the tone toward the query's words; scope=sentences the "
                    + "class of the sentences that match; scope=articles of whole articles");
        };
    }

    private static ToneScale toneScale(String value) {
        if (value == null || value.isBlank()) {
            return ToneScale.NET;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "net" -> ToneScale.NET;
            case "class" -> ToneScale.CLASS;
            default -> throw new InvalidQueryException("scale must be net or class, was '" + value + "'",
                    "scale=net (default) gives share positive minus share negative, -1..+1; scale=class the 0..4 "
                    + "sentence-class scale");
        };
    }

    private static ShareOf shareOf(String value) {
        if (value == null || value.isBlank()) {
            return ShareOf.ARTICLES;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "articles" -> ShareOf.ARTICLES;
            case "stories" -> ShareOf.STORIES;
            default -> throw new InvalidQueryException("shareOf must be articles or stories, was '" + value + "'",
                    "shareOf=stories counts each story once (copies of one wire story are one)");
        };
    }

    private static boolean bySource(String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        if (value.strip().equalsIgnoreCase("source")) {
            return true;
        }
        throw new InvalidQueryException("by must be source, was '" + value + "'", "use by=source for one series per outlet");
    }
}
