package barometer.crawler.poll;

import barometer.crawler.evaluation.EvaluationRecords;
import barometer.crawler.evaluation.Figure;
import barometer.crawler.extract.ArticleExtractor;
import barometer.crawler.fetch.FetchedResource;
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

/**
 * {@code ./barometer eval-polls DIR [--predictions FILE]}: extracts the polls of every {@code NAME.txt} or
 * {@code NAME.html} in DIR and scores them field by field against {@code NAME.json}.
 *
 * <p>Predicted polls are paired with expected ones greedily by agreement (pollster, end date, answers). Per field,
 * a value equal to the expected one is a true positive; a predicted value that is wrong or not expected is a false
 * positive; an expected value that is wrong or missing is a false negative. Shares and margins are equal within
 * half a point and 0.05 points; names, places and questions compare without case, spaces or punctuation;
 * sponsors as a set. Each answer label is its own field ({@code answers.support}).
 */
public final class PollEvaluation {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> FIELDS = List.of("pollster", "sponsors", "fieldStart", "fieldEnd", "sampleSize",
            "population", "marginOfError", "geography", "question");

    /** True and false positives and negatives of one field. */
    public record Counts(int tp, int fp, int fn) {
        Counts plus(Counts o) {
            return new Counts(tp + o.tp, fp + o.fp, fn + o.fn);
        }

        public double precision() {
            return tp + fp == 0 ? 1 : (double) tp / (tp + fp);
        }

        public double recall() {
            return tp + fn == 0 ? 1 : (double) tp / (tp + fn);
        }
    }

    /** Scores of a folder. */
    public record Summary(int expected, int predicted, Map<String, Counts> byField, Counts total,
            Map<String, List<Poll>> predictions, List<String> misses) {
    }

    private PollEvaluation() {
    }

    /** Extracts and scores every text of the folder that has its expected polls beside it. */
    public static Summary evaluate(Path dir) throws IOException {
        PollExtractor extractor = new PollExtractor();
        List<Path> texts;
        try (Stream<Path> files = Files.list(dir)) {
            texts = files.filter(p -> p.toString().endsWith(".txt") || p.toString().endsWith(".html"))
                    .filter(p -> Files.exists(expectedOf(p))).sorted().toList();
        }
        Map<String, Counts> byField = new TreeMap<>();
        Map<String, List<Poll>> predictions = new LinkedHashMap<>();
        List<String> misses = new ArrayList<>();
        int expectedCount = 0, predictedCount = 0;
        for (Path file : texts) {
            String name = file.getFileName().toString().replaceFirst("\\.(txt|html)$", "");
            List<Poll> expected = new ArrayList<>();
            JSON.readTree(expectedOf(file).toFile()).path("polls").forEach(p -> expected.add(PollJson.read(p)));
            List<Poll> predicted = predict(extractor, file);
            predictions.put(name, predicted);
            expectedCount += expected.size();
            predictedCount += predicted.size();
            score(name, expected, predicted, byField, misses);
        }
        Counts total = byField.values().stream().reduce(new Counts(0, 0, 0), Counts::plus);
        return new Summary(expectedCount, predictedCount, byField, total, predictions, misses);
    }

    private static List<Poll> predict(PollExtractor extractor, Path file) throws IOException {
        String name = file.getFileName().toString();
        if (name.endsWith(".html")) {
            byte[] bytes = Files.readAllBytes(file);
            URI uri = URI.create("http://localhost/" + name);
            var page = new ArticleExtractor().extract(new FetchedResource(uri, uri, "text/html", bytes));
            LocalDate published = page.published() == null ? null
                    : page.published().atZone(ZoneOffset.UTC).toLocalDate();
            return extractor.extract(PollExtractor.textOf(new String(bytes, StandardCharsets.UTF_8)), name, published, "");
        }
        return extractor.extract(Files.readString(file, StandardCharsets.UTF_8), name, null, "");
    }

    private static void score(String name, List<Poll> expected, List<Poll> predicted, Map<String, Counts> byField,
            List<String> misses) {
        List<Poll> unmatched = new ArrayList<>(predicted);
        for (Poll want : expected) {
            Poll best = null;
            int bestScore = 0;
            for (Poll got : unmatched) {
                int s = agreement(want, got);
                if (s > bestScore) {
                    bestScore = s;
                    best = got;
                }
            }
            if (best != null) {
                unmatched.remove(best);
            }
            compare(name, want, best, byField, misses);
        }
        for (Poll extra : unmatched) {
            compare(name, null, extra, byField, misses);
        }
    }

    private static int agreement(Poll a, Poll b) {
        int score = 0;
        if (a.pollster() != null && b.pollster() != null && Poll.normalised(a.pollster()).equals(Poll.normalised(b.pollster()))) {
            score += 3;
        }
        if (a.fieldEnd() != null && a.fieldEnd().equals(b.fieldEnd())) {
            score += 2;
        }
        for (var e : a.answers().entrySet()) {
            Double other = b.answers().get(e.getKey());
            if (other != null && Math.abs(other - e.getValue()) <= 0.5) {
                score++;
            }
        }
        return score;
    }

    private static void compare(String name, Poll want, Poll got, Map<String, Counts> byField, List<String> misses) {
        Map<String, Object> expected = values(want), predicted = values(got);
        List<String> fields = new ArrayList<>(FIELDS);
        for (String k : expected.keySet()) {
            if (k.startsWith("answers.") && !fields.contains(k)) {
                fields.add(k);
            }
        }
        for (String k : predicted.keySet()) {
            if (k.startsWith("answers.") && !fields.contains(k)) {
                fields.add(k);
            }
        }
        for (String field : fields) {
            Object e = expected.get(field), p = predicted.get(field);
            boolean equal = e != null && p != null && same(e, p);
            Counts c = new Counts(equal ? 1 : 0, p != null && !equal ? 1 : 0, e != null && !equal ? 1 : 0);
            byField.merge(field.startsWith("answers.") ? "answers" : field, c, Counts::plus);
            if (!equal && (e != null || p != null)) {
                misses.add(String.format(Locale.ROOT, "%s %s: expected %s, got %s", name, field, e, p));
            }
        }
    }

    private static Map<String, Object> values(Poll poll) {
        Map<String, Object> v = new LinkedHashMap<>();
        if (poll == null) {
            return v;
        }
        v.put("pollster", poll.pollster());
        v.put("sponsors", poll.sponsors().isEmpty() ? null
                : poll.sponsors().stream().map(Poll::normalised).sorted().toList());
        v.put("fieldStart", poll.fieldStart());
        v.put("fieldEnd", poll.fieldEnd());
        v.put("sampleSize", poll.sampleSize());
        v.put("population", poll.population());
        v.put("marginOfError", poll.marginOfError());
        v.put("geography", poll.geography());
        v.put("question", poll.question());
        poll.answers().forEach((label, share) -> v.put("answers." + label, share));
        v.values().removeIf(Objects::isNull);
        return v;
    }

    private static boolean same(Object e, Object p) {
        if (e instanceof Double a && p instanceof Double b) {
            return Math.abs(a - b) <= (Math.abs(a) < 20 && a != Math.rint(a) ? 0.05 : 0.5);
        }
        if (e instanceof String a && p instanceof String b) {
            return Poll.normalised(a).equals(Poll.normalised(b));
        }
        return e.equals(p);
    }

    private static Path expectedOf(Path text) {
        return text.resolveSibling(text.getFileName().toString().replaceFirst("\\.(txt|html)$", ".json"));
    }

}
