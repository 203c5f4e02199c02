package barometer.cli.eval;

import barometer.crawler.evaluation.EvaluationRecords;
import barometer.crawler.evaluation.Figure;
import barometer.crawler.extract.ArticleExtractor;
import barometer.crawler.fetch.FetchedResource;
import barometer.crawler.poll.PollEvaluation;
import barometer.crawler.poll.PollJson;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;

/** {@code ./barometer eval-polls DIR [--predictions FILE]}: scores poll extraction on the texts of a folder ({@link PollEvaluation}), prints the figures and writes them to {@code methods/}. */
public final class PollEvaluationCommand {
    private PollEvaluationCommand() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 0 || args[0].startsWith("--") || !Files.isDirectory(Path.of(args[0]))
                || (args.length > 1 && (args.length != 3 || !args[1].equals("--predictions")))) {
            System.err.println("usage: ./barometer eval-polls DIR [--predictions FILE]"
                    + "  (DIR holds NAME.txt or NAME.html texts with NAME.json expected polls)");
            System.exit(2);
        }
        PollEvaluation.Summary s = PollEvaluation.evaluate(Path.of(args[0]));
        s.misses().forEach(m -> System.out.println("miss " + m));
        System.out.printf("%-14s %9s %9s %5s %5s %5s%n", "field", "precision", "recall", "tp", "fp", "fn");
        s.byField().forEach((field, c) -> System.out.printf(Locale.ROOT, "%-14s %9.3f %9.3f %5d %5d %5d%n", field,
                c.precision(), c.recall(), c.tp(), c.fp(), c.fn()));
        if (args.length == 3) {
            ObjectMapper json = new ObjectMapper();
            ObjectNode out = json.createObjectNode();
            s.predictions().forEach((name, polls) -> out.putObject(name).putArray("polls")
                    .addAll(polls.stream().map(PollJson::write).toList()));
            json.writerWithDefaultPrettyPrinter().writeValue(Path.of(args[2]).toFile(), out);
        }
        System.out.printf(Locale.ROOT, "polls expected=%d predicted=%d field-precision=%.3f field-recall=%.3f%n",
                s.expected(), s.predicted(), s.total().precision(), s.total().recall());
        EvaluationRecords records = EvaluationRecords.fromSystemProperties();
        records.report(records.record("eval-polls", "", "./barometer eval-polls " + String.join(" ", args),
                Path.of(args[0]), "poll extraction (pollster, dates, sample, population, answers)",
                "poll releases and news articles reporting polls", s.expected(), "Field precision and recall over "
                        + "the expected polls' fields.", List.of(
                        new Figure("field precision", s.total().precision()),
                        new Figure("field recall", s.total().recall()),
                        new Figure("polls expected", s.expected()), new Figure("polls predicted", s.predicted()))));
    }
}
