package barometer.cli.eval;

import barometer.indexer.poll.PollAverage;
import barometer.indexer.poll.PollAveragePoint;
import barometer.indexer.poll.PollAverageSettings;
import barometer.indexer.poll.PollSeries;
import barometer.crawler.evaluation.EvaluationRecords;
import barometer.crawler.evaluation.Figure;
import barometer.crawler.poll.Poll;
import barometer.crawler.poll.PollCsv;
import barometer.crawler.poll.Population;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code ./barometer poll-average FILE --answer COLUMN [--population a,rv,...] [--realtime] [--no-house-effects]
 * [--compare REFERENCE.csv]}: reads a poll CSV ({@link PollCsv}) and prints {@code date,estimate,low,high,polls},
 * one row per day from the first poll's end date to the last's. Row problems and the fitted parameters go to
 * standard error. {@code --compare} reads a published average ({@code date,<answer>_estimate,...}) and reports
 * the mean and largest absolute difference over the days both cover.
 */
public final class PollAverageCommand {
    private PollAverageCommand() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options = new HashMap<>();
        Set<String> flags = new HashSet<>();
        String file = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--answer", "--population", "--compare" -> {
                    if (i + 1 >= args.length) {
                        usage("missing value after " + args[i]);
                    }
                    options.put(args[i], args[++i]);
                }
                case "--realtime", "--no-house-effects" -> flags.add(args[i]);
                default -> {
                    if (args[i].startsWith("--") || file != null) {
                        usage("unknown argument " + args[i]);
                    }
                    file = args[i];
                }
            }
        }
        if (file == null || !Files.isRegularFile(Path.of(file))) {
            usage(file == null ? "no FILE given" : "no such file: " + file);
        }
        String answer = options.get("--answer");
        if (answer == null) {
            usage("--answer COLUMN is required (e.g. --answer approve)");
        }
        Set<Population> populations = populations(options.get("--population"));

        PollCsv.Result read = read(Path.of(file));
        List<Poll> polls = select(read, populations, answer, file);
        PollAverageSettings settings = PollAverageSettings.DEFAULTS
                .withRealtime(flags.contains("--realtime")).withHouseEffects(!flags.contains("--no-house-effects"));
        long t0 = System.nanoTime();
        PollSeries series = new PollAverage(settings).compute(polls, answer);
        double ms = (System.nanoTime() - t0) / 1e6;
        print(series, System.out);
        System.err.printf(Locale.ROOT, "polls used=%d skipped=%d days=%d non-sampling-error=%.2f daily-drift=%.2f"
                + " took=%.0fms%n", series.pollsUsed(), series.pollsSkipped() + read.problems().size(),
                series.points().size(), series.nonSamplingError(), series.dailyDrift(), ms);
        series.houseEffects().entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> System.err.printf(Locale.ROOT, "house effect %+.2f %s%n", e.getValue(), e.getKey()));
        if (options.containsKey("--compare")) {
            double[] diff = compare(series, Path.of(options.get("--compare")), answer);
            EvaluationRecords records = EvaluationRecords.fromSystemProperties();
            records.report(records.record("poll-average", answer + (settings.realtime() ? "-realtime" : "")
                    + (settings.houseEffects() ? "" : "-no-house-effects"), "./barometer poll-average "
                    + String.join(" ", args), Path.of(options.get("--compare")), "poll average ("
                    + (settings.realtime() ? "realtime" : "smoothed") + ") against a published average",
                    "national polls of one question, many pollsters", (int) diff[2],
                    "Days both series cover; polls from " + Path.of(file).getFileName() + ".",
                    List.of(new Figure("mean absolute difference from the published average", diff[0]),
                            new Figure("largest absolute difference from the published average", diff[1]))));
        }
    }

    /**
     * Writes the series as {@code date,estimate,low,high,polls,next_low_90,next_high_90}, shares to two decimals:
     * the first five columns as they always were, then the predictive interval of a new poll.
     */
    static void print(PollSeries series, PrintStream out) {
        StringBuilder csv = new StringBuilder("date,estimate,low,high,polls,next_low_90,next_high_90\n");
        for (PollAveragePoint p : series.points()) {
            csv.append(String.format(Locale.ROOT, "%s,%.2f,%.2f,%.2f,%d,%.2f,%.2f%n", p.date(), p.estimate(), p.low(),
                    p.high(), p.polls(), p.nextLow(), p.nextHigh()));
        }
        out.print(csv);
        out.flush();
    }

    /** Reads a poll CSV; row problems go to standard error. */
    static PollCsv.Result read(Path file) throws IOException {
        PollCsv.Result read;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            read = new PollCsv("").read(in, file.getFileName().toString());
        }
        read.problems().forEach(p -> System.err.println("skipped " + p));
        return read;
    }

    /** The polls of the given populations (all when none given); exits when none has the answer. */
    static List<Poll> select(PollCsv.Result read, Set<Population> populations, String answer, String file) {
        List<Poll> polls = read.polls().stream()
                .filter(p -> populations.isEmpty() || populations.contains(p.population())).toList();
        if (polls.stream().noneMatch(p -> p.share(answer) != null)) {
            usage("no poll in " + file + " has a value in column '" + answer + "'");
        }
        return polls;
    }

    static Set<Population> populations(String list) {
        Set<Population> populations = new HashSet<>();
        if (list != null) {
            for (String code : list.split(",")) {
                populations.add(Population.parse(code).orElseThrow(() -> new IllegalArgumentException(
                        "unknown population '" + code + "': use a, rv, lv, v or their names")));
            }
        }
        return populations;
    }

    /** Mean and largest absolute difference, and the days compared. */
    private static double[] compare(PollSeries series, Path reference, String answer) throws IOException {
        List<String> lines = Files.readAllLines(reference, StandardCharsets.UTF_8);
        List<String> header = List.of(lines.get(0).split(","));
        int dateColumn = header.indexOf("date");
        int estimateColumn = header.indexOf(answer + "_estimate");
        if (dateColumn < 0 || estimateColumn < 0) {
            usage(reference + " has no date and " + answer + "_estimate columns");
        }
        Map<LocalDate, Double> theirs = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            theirs.put(LocalDate.parse(cells[dateColumn]), Double.parseDouble(cells[estimateColumn]));
        }
        List<Double> differences = new ArrayList<>();
        for (PollAveragePoint p : series.points()) {
            Double other = theirs.get(p.date());
            if (other != null) {
                differences.add(Math.abs(p.estimate() - other));
            }
        }
        double mean = differences.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        double max = differences.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        System.err.printf(Locale.ROOT, "compared with %s over %d days: mean-abs-diff=%.3f max-diff=%.3f%n",
                reference.getFileName(), differences.size(), mean, max);
        return new double[] {mean, max, differences.size()};
    }

    static void usage(String problem) {
        System.err.println("poll-average: " + problem);
        System.err.println("usage: ./barometer poll-average FILE --answer COLUMN [--population a,rv,lv,v]"
                + " [--realtime] [--no-house-effects] [--compare PUBLISHED.csv]");
        System.exit(2);
    }
}
