package barometer.cli.eval;

import barometer.indexer.poll.ForecastCheck;
import barometer.indexer.poll.PollAverage;
import barometer.indexer.poll.PollAverageSettings;
import barometer.indexer.poll.PollSeries;
import barometer.crawler.evaluation.EvaluationRecords;
import barometer.crawler.evaluation.Figure;
import barometer.crawler.poll.Poll;
import barometer.crawler.poll.PollCsv;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code ./barometer eval-polls-forecast FILE --answer COLUMN [--population a,rv,...] [--from YYYY-MM-DD]}:
 * replays a poll CSV in time order and scores every new poll against the realtime average of the day before it
 * was published (with that pollster's house effect as known then): mean absolute error, and the share of new
 * polls inside the nominal 50, 80, 90 and 95% predictive intervals with their mean width. {@code --from} scores
 * only polls released from that day (the earlier ones still inform the average and the calibration).
 */
public final class ForecastEvaluation {
    private ForecastEvaluation() {
    }

    public static void main(String[] args) throws IOException {
        String file = null, answer = null, population = null;
        LocalDate from = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--answer", "--population", "--from" -> {
                    if (i + 1 >= args.length) {
                        PollAverageCommand.usage("missing value after " + args[i]);
                    }
                    String value = args[++i];
                    switch (args[i - 1]) {
                        case "--answer" -> answer = value;
                        case "--population" -> population = value;
                        default -> from = LocalDate.parse(value);
                    }
                }
                default -> {
                    if (args[i].startsWith("--") || file != null) {
                        PollAverageCommand.usage("unknown argument " + args[i]);
                    }
                    file = args[i];
                }
            }
        }
        if (file == null || !Files.isRegularFile(Path.of(file))) {
            PollAverageCommand.usage(file == null ? "no FILE given" : "no such file: " + file);
        }
        if (answer == null) {
            PollAverageCommand.usage("--answer COLUMN is required (e.g. --answer approve)");
        }
        PollCsv.Result read = PollAverageCommand.read(Path.of(file));
        List<Poll> polls = PollAverageCommand.select(read, PollAverageCommand.populations(population), answer, file);
        long t0 = System.nanoTime();
        PollSeries series = new PollAverage(PollAverageSettings.DEFAULTS.withRealtime(true)).compute(polls, answer);
        double seconds = (System.nanoTime() - t0) / 1e9;
        ForecastCheck check = ForecastCheck.of(series.forecasts(), from);
        print(check, Path.of(file).getFileName().toString(), answer, System.out);
        System.err.printf(Locale.ROOT, "replayed %d polls in %.1f s%n", series.pollsUsed(), seconds);
        List<Figure> figures = new ArrayList<>();
        figures.add(new Figure("mean absolute error on the next poll, with house effects", check.meanAbsoluteError()));
        figures.add(new Figure("mean absolute error on the next poll, without house effects",
                check.meanAbsoluteErrorWithoutHouse()));
        for (ForecastCheck.Coverage c : check.pollster()) {
            String level = String.format(Locale.ROOT, "%.0f%%", 100 * c.level());
            figures.add(new Figure("share of new polls inside the " + level + " predictive interval", c.share()));
            figures.add(new Figure("mean width of the " + level + " predictive interval", c.meanWidth()));
        }
        for (ForecastCheck.Coverage c : check.anyPollster()) {
            String level = String.format(Locale.ROOT, "%.0f%%", 100 * c.level());
            figures.add(new Figure("share of new polls inside the " + level + " interval for a pollster at random",
                    c.share()));
        }
        EvaluationRecords records = EvaluationRecords.fromSystemProperties();
        records.report(records.record("eval-polls-forecast", answer, "./barometer eval-polls-forecast "
                + String.join(" ", args), Path.of(file), "realtime poll average: the next poll and its predictive "
                + "interval", "national polls of one question, many pollsters", check.polls(),
                String.format(Locale.ROOT, "Polls released %s .. %s, each scored against the realtime average of the "
                        + "day before with its pollster's house effect as known then; intervals calibrated on earlier "
                        + "polls only.", check.from(), check.to()), figures));
    }

    static void print(ForecastCheck check, String file, String answer, PrintStream out) {
        out.printf(Locale.ROOT, "forecast replay of %s, answer %s: %d new polls released %s .. %s%n", file, answer,
                check.polls(), check.from(), check.to());
        out.printf(Locale.ROOT, "mean absolute error on the next poll: %.2f points with house effects, %.2f without%n",
                check.meanAbsoluteError(), check.meanAbsoluteErrorWithoutHouse());
        out.println("interval                         nominal  holds   mean width");
        table(out, "pollster's own, calibrated", check.pollster());
        table(out, "pollster's own, model only", check.modelOnly());
        table(out, "pollster at random, calibrated", check.anyPollster());
        out.flush();
    }

    private static void table(PrintStream out, String name, List<ForecastCheck.Coverage> rows) {
        for (ForecastCheck.Coverage c : rows) {
            out.printf(Locale.ROOT, "%-32s %5.0f%%  %5.1f%%  %5.2f%n", name, 100 * c.level(), 100 * c.share(),
                    c.meanWidth());
        }
    }
}
