package barometer.cli.eval;

import barometer.crawler.evaluation.EvaluationRecords;
import barometer.crawler.evaluation.Figure;
import barometer.crawler.extract.ExtractionEvaluation;
import barometer.crawler.fetch.FetchedResource;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** {@code ./barometer eval-extraction DIR [--predictions FILE]}: scores main-text extraction on the pages of a folder ({@link ExtractionEvaluation}), prints the figures and writes them to {@code methods/}. */
public final class ExtractionCommand {
    private ExtractionCommand() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 0 || args[0].startsWith("--") || !Files.isDirectory(Path.of(args[0]))) {
            System.err.println("usage: ./barometer eval-extraction DIR [--pages] [--predictions FILE]"
                    + "  (DIR holds NAME.html pages with NAME.json ground truth)");
            System.exit(2);
        }
        boolean everyPage = List.of(args).contains("--pages");
        long t0 = System.nanoTime();
        ExtractionEvaluation.Summary summary = ExtractionEvaluation.evaluate(Path.of(args[0]));
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (everyPage) {
            for (ExtractionEvaluation.PageResult r : summary.pages()) {
                System.out.printf(Locale.ROOT, "%-24s shingle-f1=%.3f word-precision=%.3f word-recall=%.3f "
                        + "word-f1=%.3f via=%s%n", r.name(), r.score().f1(), r.words().precision(), r.words().recall(),
                        r.words().f1(), r.extracted().textSource());
            }
        }
        System.out.println("pages got least right (word F1):");
        summary.pages().stream().sorted(Comparator.comparingDouble(r -> r.words().f1())).limit(10)
                .forEach(r -> System.out.printf(Locale.ROOT, "  %s word-f1=%.3f precision=%.3f recall=%.3f via=%s (%s)%n",
                        r.name(), r.words().f1(), r.words().precision(), r.words().recall(),
                        r.extracted().textSource(), r.extracted().title()));
        System.out.printf(Locale.ROOT, "%d pages (almost) empty, %d with less than half the text; %.1f pages/s on "
                + "one thread%n", summary.empty(), summary.underHalf(), summary.pages().size() / seconds);
        if (summary.withTotal() + summary.withoutTotal() > 0) {
            System.out.printf(Locale.ROOT, "snippets: %d of %d must-appear found, %d of %d boilerplate found%n",
                    summary.withFound(), summary.withTotal(), summary.withoutFound(), summary.withoutTotal());
        }
        for (int i = 1; i + 1 < args.length; i++) {
            if (args[i].equals("--predictions")) {
                writePredictions(summary, Path.of(args[i + 1]));
            }
        }
        System.out.printf(Locale.ROOT, "pages=%d precision=%.4f recall=%.4f f1=%.4f word-precision=%.4f "
                + "word-recall=%.4f word-f1=%.4f%n", summary.pages().size(), summary.precision(), summary.recall(),
                summary.f1(), summary.wordPrecision(), summary.wordRecall(), summary.wordF1());
        List<Figure> figures = new ArrayList<>(List.of(new Figure("F1 of 4-token shingles", summary.f1()),
                new Figure("precision of 4-token shingles", summary.precision()),
                new Figure("recall of 4-token shingles", summary.recall()),
                new Figure("word F1", summary.wordF1()),
                new Figure("word precision", summary.wordPrecision()),
                new Figure("word recall", summary.wordRecall()),
                new Figure("pages (almost) empty", summary.empty()),
                new Figure("pages with less than half the text", summary.underHalf()),
                new Figure("pages per second, one thread", summary.pages().size() / seconds)));
        if (summary.withTotal() > 0) {
            figures.add(new Figure("must-appear snippets found", (double) summary.withFound() / summary.withTotal()));
            figures.add(new Figure("boilerplate snippets found",
                    (double) summary.withoutFound() / Math.max(1, summary.withoutTotal())));
        }
        EvaluationRecords records = EvaluationRecords.fromSystemProperties();
        records.report(records.record("eval-extraction", "", "./barometer eval-extraction " + String.join(" ", args),
                Path.of(args[0]), "main-text extraction", "news article pages", summary.pages().size(),
                "Shingle F1: 4-token shingles pooled per page, averaged over pages; word F1: WCXB's metric, mean of "
                        + "per-page F1 over lower-cased word tokens.", figures));
    }

    private static void writePredictions(ExtractionEvaluation.Summary summary, Path out) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode all = json.createObjectNode();
        for (ExtractionEvaluation.PageResult r : summary.pages()) {
            ObjectNode page = all.putObject(r.name());
            page.put("articleBody", r.extracted().text());
            page.put("title", r.extracted().title());
            page.put("published", r.extracted().published() == null ? null : r.extracted().published().toString());
            page.put("modified", r.extracted().modified() == null ? null : r.extracted().modified().toString());
            page.putArray("authors").addAll(r.extracted().authors().stream()
                    .map(com.fasterxml.jackson.databind.node.TextNode::valueOf).toList());
            page.put("language", r.extracted().language());
            page.put("leadImage", r.extracted().leadImage());
        }
        json.writerWithDefaultPrettyPrinter().writeValue(out.toFile(), all);
        System.out.println("predictions written to " + out);
    }
}
