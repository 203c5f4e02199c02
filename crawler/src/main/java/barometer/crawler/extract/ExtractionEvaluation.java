package barometer.crawler.extract;

import barometer.crawler.evaluation.EvaluationRecords;
import barometer.crawler.evaluation.Figure;
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

/**
 * {@code ./barometer eval-extraction DIR [--pages] [--predictions FILE]}: extracts every {@code NAME.html} in DIR
 * with the crawler's own {@link ArticleExtractor} and scores its main text against {@code NAME.json}'s
 * {@code articleBody} two ways: 4-token shingles ({@link ShingleScore}, pooled per page then averaged) and
 * words ({@link WordScore}, WCXB's metric, mean of per-page F1); where the truth lists {@code with} and
 * {@code without} snippets, it counts those found. Prints the pages it got least right (every page with
 * {@code --pages}), how many pages came back (almost) empty or with less than half the text, the speed, and
 * last {@code pages=N precision=P recall=R f1=F word-f1=W}.
 */
public final class ExtractionEvaluation {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One page's result.
     *
     * @param withFound "with" snippets found in the text
     * @param withTotal "with" snippets the truth lists
     * @param withoutFound "without" snippets (boilerplate) found in the text
     */
    public record PageResult(String name, ShingleScore score, WordScore words, ExtractedPage extracted, int withFound,
            int withTotal, int withoutFound, int withoutTotal) {
    }

    /** Averages over the pages of a folder. */
    public record Summary(List<PageResult> pages, double precision, double recall, double wordPrecision,
            double wordRecall, double wordF1) {
        public double f1() {
            return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        }

        int withFound() {
            return pages.stream().mapToInt(PageResult::withFound).sum();
        }

        int withTotal() {
            return pages.stream().mapToInt(PageResult::withTotal).sum();
        }

        int withoutFound() {
            return pages.stream().mapToInt(PageResult::withoutFound).sum();
        }

        int withoutTotal() {
            return pages.stream().mapToInt(PageResult::withoutTotal).sum();
        }

        /** Pages whose text came back empty or nearly so (under a tenth of the true words found). */
        long empty() {
            return pages.stream().filter(r -> r.words().recall() < 0.1).count();
        }

        /** Pages where less than half of the true words were found. */
        long underHalf() {
            return pages.stream().filter(r -> r.words().recall() < 0.5).count();
        }
    }

    private ExtractionEvaluation() {
    }

    /** Extracts and scores every page of the folder that has its ground truth beside it. */
    public static Summary evaluate(Path dir) throws IOException {
        ArticleExtractor extractor = new ArticleExtractor();
        List<Path> pages;
        try (Stream<Path> files = Files.list(dir)) {
            pages = files.filter(p -> p.toString().endsWith(".html"))
                    .filter(p -> Files.exists(truthOf(p))).sorted().toList();
        }
        List<PageResult> results = new ArrayList<>();
        double precision = 0, recall = 0, wp = 0, wr = 0, wf = 0;
        for (Path html : pages) {
            JsonNode truth = JSON.readTree(truthOf(html).toFile());
            String url = truth.path("url").asText("http://localhost/").replace(" ", "%20");
            URI uri;
            try {
                uri = URI.create(url);
            } catch (IllegalArgumentException e) {
                uri = URI.create("http://localhost/");
            }
            ExtractedPage extracted = extractor.extract(new FetchedResource(uri, uri, "", Files.readAllBytes(html)));
            String body = truth.path("articleBody").asText("");
            ShingleScore score = ShingleScore.of(extracted.text(), body);
            WordScore words = WordScore.of(extracted.text(), body);
            String normalised = normalise(extracted.text());
            int withFound = 0, withTotal = 0, withoutFound = 0, withoutTotal = 0;
            for (JsonNode snippet : truth.path("with")) {
                withTotal++;
                withFound += normalised.contains(normalise(snippet.asText())) ? 1 : 0;
            }
            for (JsonNode snippet : truth.path("without")) {
                withoutTotal++;
                withoutFound += normalised.contains(normalise(snippet.asText())) ? 1 : 0;
            }
            precision += score.precision();
            recall += score.recall();
            wp += words.precision();
            wr += words.recall();
            wf += words.f1();
            results.add(new PageResult(html.getFileName().toString().replaceFirst("\\.html$", ""), score, words,
                    extracted, withFound, withTotal, withoutFound, withoutTotal));
        }
        int n = Math.max(1, results.size());
        return new Summary(List.copyOf(results), precision / n, recall / n, wp / n, wr / n, wf / n);
    }

    private static String normalise(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").strip();
    }

    private static Path truthOf(Path html) {
        return html.resolveSibling(html.getFileName().toString().replaceFirst("\\.html$", ".json"));
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 0 || args[0].startsWith("--") || !Files.isDirectory(Path.of(args[0]))) {
            System.err.println("usage: ./barometer eval-extraction DIR [--pages] [--predictions FILE]"
                    + "  (DIR holds NAME.html pages with NAME.json ground truth)");
            System.exit(2);
        }
        boolean everyPage = List.of(args).contains("--pages");
        long t0 = System.nanoTime();
        Summary summary = evaluate(Path.of(args[0]));
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (everyPage) {
            for (PageResult r : summary.pages()) {
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

    private static void writePredictions(Summary summary, Path out) throws IOException {
        ObjectNode all = JSON.createObjectNode();
        for (PageResult r : summary.pages()) {
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
        JSON.writerWithDefaultPrettyPrinter().writeValue(out.toFile(), all);
        System.out.println("predictions written to " + out);
    }
}
