package barometer.api;

import barometer.crawler.poll.Poll;
import barometer.crawler.poll.PollCsv;
import barometer.crawler.poll.Population;
import barometer.indexer.InvalidQueryException;
import barometer.indexer.NewsIndex;
import barometer.indexer.PollFilter;
import barometer.indexer.PollsAdded;
import barometer.indexer.poll.ForecastCheck;
import barometer.indexer.poll.NextPoll;
import barometer.indexer.poll.PollAverage;
import barometer.indexer.poll.PollAveragePoint;
import barometer.indexer.poll.PollAverageSettings;
import barometer.indexer.poll.PollSeries;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * {@code GET /api/polls}: stored polls (imported, or found by the crawler in releases and articles);
 * {@code GET /api/polls/trend}: the poll average of one answer with its band; {@code POST /api/polls/import}:
 * an admin upload of a poll CSV.
 */
@Path("/api/polls")
public class PollResource {
    /** Largest CSV accepted by one import. */
    static final int MAX_IMPORT_BYTES = 20 * 1024 * 1024;

    private final NewsIndex index;
    private final barometer.api.alert.AlertCheck alerts;

    PollResource(NewsIndex index, barometer.api.alert.AlertCheck alerts) {
        this.index = index;
        this.alerts = alerts;
    }

    /** The JSON list: polls with their sources, evidence and confirmation. */
    public record Polls(int count, List<Poll> polls) {
    }

    /** One CSV row per poll and answer: tidy for R and pandas. */
    @JsonPropertyOrder({"pollster", "sponsors", "fieldStart", "fieldEnd", "released", "sampleSize", "population",
        "marginOfError", "geography", "topic", "answer", "share", "confirmed", "source"})
    public record PollRow(String pollster, String sponsors, LocalDate fieldStart, LocalDate fieldEnd,
            LocalDate released, Integer sampleSize, String population, Double marginOfError, String geography,
            String topic, String answer, double share, boolean confirmed, String source) {
    }

    /**
     * The JSON answer of the average.
     *
     * @param band what {@code low..high} is: the interval of the average itself
     * @param nextBand what {@code nextLow..nextHigh} is: where a new poll is expected to fall
     * @param forecastCheck how the realtime average's predictive interval held on this topic's own polls so far
     */
    public record Trend(String topic, String answer, String population, boolean realtime, int pollsUsed,
            int pollsSkipped, double nonSamplingError, double dailyDrift, double level, Band band, Band nextBand,
            ForecastCheck forecastCheck, Map<String, Double> houseEffects, List<PollAveragePoint> points) {
    }

    /**
     * One band of the chart, named for what it is.
     *
     * @param level its probability
     * @param name what it covers
     * @param pollster for a predictive band: the pollster it is for, or null for a pollster taken at random
     * @param sampleSize for a predictive band: the sample size it is for, or null for the median
     */
    public record Band(double level, String name, String pollster, Integer sampleSize) {
    }

    /** One CSV row of the average: the first five columns as they always were, then the predictive interval. */
    @JsonPropertyOrder({"date", "estimate", "low", "high", "polls", "next_low_90", "next_high_90"})
    public record AverageRow(LocalDate date, double estimate, double low, double high, int polls,
            @JsonProperty("next_low_90") double nextLow90, @JsonProperty("next_high_90") double nextHigh90) {
        static AverageRow of(PollAveragePoint p) {
            return new AverageRow(p.date(), p.estimate(), p.low(), p.high(), p.polls(), p.nextLow(), p.nextHigh());
        }
    }

    /** What an import did, and every row it left out with its line and reason. */
    public record ImportResult(int rows, int added, int merged, int unchanged, List<PollCsv.RowProblem> problems) {
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, CsvExport.TEXT_CSV})
    @Operation(summary = "Stored polls", description = "Polls imported or found by the crawler, oldest first. "
            + "Unconfirmed polls (ambiguous pollster, share or date) are listed only with unconfirmed=true. "
            + "format=csv gives one row per poll and answer.")
    public Response polls(@Parameter(description = "topic tag") @QueryParam("topic") String topic,
            @Parameter(description = "pollster, any case") @QueryParam("pollster") String pollster,
            @Parameter(description = "adults, registered voters, likely voters, voters (or a, rv, lv, v)")
            @QueryParam("population") String population,
            @Parameter(description = "first day, YYYY-MM-DD") @QueryParam("from") String from,
            @Parameter(description = "last day, YYYY-MM-DD") @QueryParam("to") String to,
            @Parameter(description = "true: include unconfirmed polls") @QueryParam("unconfirmed") String unconfirmed,
            @Parameter(description = "json (default) or csv") @QueryParam("format") String format,
            @Context HttpHeaders headers) {
        PollFilter filter = new PollFilter(topic, pollster, population(population), QueryParams.date("from", from),
                QueryParams.date("to", to), "true".equalsIgnoreCase(unconfirmed));
        List<Poll> polls = index.polls(filter);
        if (CsvExport.wanted(format, headers)) {
            return CsvExport.of(PollRow.class, rows(polls), "barometer-polls.csv");
        }
        return Response.ok(new Polls(polls.size(), polls), MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @Path("/trend")
    @Produces({MediaType.APPLICATION_JSON, CsvExport.TEXT_CSV})
    @Operation(summary = "Poll average", description = "A daily average of one answer over the confirmed polls of "
            + "a topic: Kalman random-walk smoother, polls weighted by sampling variance, house effects removed, with "
            + "two bands: the 95% interval of the average (low, high) and the calibrated 90% predictive interval of a "
            + "new poll (nextLow, nextHigh; for a given pollster and sample size when asked, else a pollster taken at "
            + "random of the median size). README, \"Poll average\". format=csv gives "
            + "date,estimate,low,high,polls,next_low_90,next_high_90.")
    public Response trend(@Parameter(description = "topic tag", required = true) @QueryParam("topic") String topic,
            @Parameter(description = "answer label, e.g. support or approve", required = true) @QueryParam("answer") String answer,
            @Parameter(description = "only polls of this population") @QueryParam("population") String population,
            @Parameter(description = "true: each day uses only polls published by then") @QueryParam("realtime") String realtime,
            @Parameter(description = "the predictive band is for a new poll of this pollster (default: one taken at random)")
            @QueryParam("nextPollster") String nextPollster,
            @Parameter(description = "the predictive band is for a new poll of this sample size (default: the median)")
            @QueryParam("nextSampleSize") String nextSampleSize,
            @Parameter(description = "json (default) or csv") @QueryParam("format") String format,
            @Context HttpHeaders headers) {
        if (topic == null || topic.isBlank()) {
            throw new InvalidQueryException("topic is required", "e.g. /api/polls/trend?topic=secession&answer=support");
        }
        if (answer == null || answer.isBlank()) {
            throw new InvalidQueryException("answer is required", "e.g. answer=support, oppose, approve");
        }
        Population pop = population(population);
        List<Poll> polls = index.polls(new PollFilter(topic, null, pop, null, null, false));
        boolean live = "true".equalsIgnoreCase(realtime);
        Integer size = nextSampleSize == null || nextSampleSize.isBlank() ? null
                : QueryParams.positive("nextSampleSize", nextSampleSize, 1000);
        NextPoll next = new NextPoll(nextPollster, size);
        PollSeries series = new PollAverage(PollAverageSettings.DEFAULTS.withRealtime(live))
                .compute(polls, answer.strip(), next);
        if (CsvExport.wanted(format, headers)) {
            return CsvExport.of(AverageRow.class, series.points().stream().map(AverageRow::of).toList(),
                    "barometer-poll-average.csv");
        }
        Band band = new Band(series.settings().level(), "interval of the average (its own uncertainty)", null, null);
        Band nextBand = new Band(PollAveragePoint.NEXT_LEVEL, "predictive interval: where a new poll "
                + (next.pollster() == null ? "of a pollster taken at random" : "of " + next.pollster())
                + (next.sampleSize() == null ? ", of the median sample size," : " of " + next.sampleSize() + " people")
                + " is expected to fall, calibrated on earlier polls", next.pollster(), next.sampleSize());
        return Response.ok(new Trend(topic, answer.strip(), pop == null ? null : pop.label(), live, series.pollsUsed(),
                series.pollsSkipped(), series.nonSamplingError(), series.dailyDrift(), series.settings().level(),
                band, nextBand, ForecastCheck.of(series.forecasts(), null), series.houseEffects(), series.points()),
                MediaType.APPLICATION_JSON_TYPE).build();
    }

    @POST
    @Path("/import")
    @SecurityRequirement(name = "apiKey")
    @Consumes({CsvExport.TEXT_CSV, MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import a poll CSV (admin)", description = "Send the X-Api-Key header. Barometer's layout or "
            + "the published approval-poll list's (README, \"Poll files\"). Bad rows are reported with their line "
            + "and reason; good rows are kept; re-importing a file adds nothing twice.")
    public Response importCsv(@Parameter(description = "topic of rows that name none") @QueryParam("topic") String topic,
            byte[] body) {
        if (body == null || body.length == 0) {
            throw new InvalidQueryException("the request body is empty", "send the CSV file as the body");
        }
        if (body.length > MAX_IMPORT_BYTES) {
            throw new Refusal(Refusal.Kind.TOO_LARGE, "the file is larger than " + MAX_IMPORT_BYTES + " bytes",
                    "split it into several imports");
        }
        PollCsv.Result read;
        try {
            read = new PollCsv(topic).read(new StringReader(new String(body, StandardCharsets.UTF_8)), "import");
        } catch (IOException | java.io.UncheckedIOException e) {
            // The CSV reader's own refusals (unreadable quoting, no header); a bad row is reported, not thrown.
            throw new InvalidQueryException("the file is not a readable poll CSV: " + e.getMessage(),
                    "see the README's \"Poll files\" for the columns");
        }
        PollsAdded added = index.addPolls(read.polls());
        index.commit();
        alerts.soon();
        return Response.ok(new ImportResult(read.polls().size() + read.problems().size(), added.added(),
                added.merged(), added.unchanged(), read.problems()), MediaType.APPLICATION_JSON_TYPE).build();
    }

    private static Population population(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return Population.parse(value).orElseThrow(() -> new InvalidQueryException(
                "unknown population '" + value + "'", "use adults, registered voters, likely voters, voters (a, rv, lv, v)"));
    }

    private static List<PollRow> rows(List<Poll> polls) {
        return polls.stream().flatMap(p -> p.answers().entrySet().stream().map(a -> new PollRow(p.pollster(),
                String.join("; ", p.sponsors()), p.fieldStart(), p.fieldEnd(), p.released(), p.sampleSize(),
                p.population() == null ? null : p.population().label(), p.marginOfError(), p.geography(), p.topic(),
                a.getKey(), a.getValue(), p.confirmed(), p.sources().isEmpty() ? null : p.sources().get(0)))).toList();
    }
}
