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
import java.util.stream.Stream;

/**
 * {@code ./barometer eval-extraction DIR [--predictions FILE]}: extracts every {@code NAME.html} in DIR with
 * the crawler's own {@link ArticleExtractor} and scores its main text against {@code NAME.json}'s
 * {@code articleBody} ({@link ShingleScore}, averaged over pages). Prints each page's scores, the worst
 * pages, and last {@code pages=N precision=P recall=R f1=F}.
 */
public final class ExtractionEvaluation {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One page's result. */
    public record PageResult(String name, ShingleScore score, ExtractedPage extracted) {
    }

    /** Averages over the pages of a folder. */
    public record Summary(List<PageResult> pages, double precision, double recall) {
        public double f1() {
            return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
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
        double precision = 0, recall = 0;
        for (Path html : pages) {
            JsonNode truth = JSON.readTree(truthOf(html).toFile());
            String url = truth.path("url").asText("http://localhost/").replace(" ", "%20");
            URI uri = URI.create(url);
            ExtractedPage extracted = extractor.extract(new FetchedResource(uri, uri, "", Files.readAllBytes(html)));
            ShingleScore score = ShingleScore.of(extracted.text(), truth.path("articleBody").asText(""));
            precision += score.precision();
            recall += score.recall();
            results.add(new PageResult(html.getFileName().toString().replaceFirst("\\.html$", ""), score, extracted));
        }
        int n = Math.max(1, results.size());
        return new Summary(List.copyOf(results), precision / n, recall / n);
    }

    private static Path truthOf(Path html) {
        return html.resolveSibling(html.getFileName().toString().replaceFirst("\\.html$", ".json"));
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 0 || args[0].startsWith("--") || !Files.isDirectory(Path.of(args[0]))) {
            System.err.println("usage: ./barometer eval-extraction DIR [--predictions FILE]"
                    + "  (DIR holds NAME.html pages with NAME.json ground truth)");
            System.exit(2);
        }
        long t0 = System.nanoTime();
        Summary summary = evaluate(Path.of(args[0]));
        double seconds = (System.nanoTime() - t0) / 1e9;
        for (PageResult r : summary.pages()) {
            System.out.printf("%-24s precision=%.3f recall=%.3f f1=%.3f%n", r.name(), r.score().precision(),
                    r.score().recall(), r.score().f1());
        }
        System.out.println("worst pages:");
        summary.pages().stream().sorted(Comparator.comparingDouble(r -> r.score().f1())).limit(5)
                .forEach(r -> System.out.printf("  %s f1=%.3f (%s)%n", r.name(), r.score().f1(), r.extracted().title()));
        System.out.printf("%.1f pages/s on one thread%n", summary.pages().size() / seconds);
        for (int i = 1; i + 1 < args.length; i++) {
            if (args[i].equals("--predictions")) {
                writePredictions(summary, Path.of(args[i + 1]));
            }
        }
        System.out.printf("pages=%d precision=%.4f recall=%.4f f1=%.4f%n", summary.pages().size(),
                summary.precision(), summary.recall(), summary.f1());
        EvaluationRecords records = EvaluationRecords.fromSystemProperties();
        records.report(records.record("eval-extraction", "", "./barometer eval-extraction " + String.join(" ", args),
                Path.of(args[0]), "main-text extraction", "news article pages", summary.pages().size(),
                "F1 of 4-token shingles of the extracted text against the ground truth, averaged over pages.",
                List.of(new Figure("F1 of 4-token shingles", summary.f1()),
                        new Figure("precision of 4-token shingles", summary.precision()),
                        new Figure("recall of 4-token shingles", summary.recall()))));
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
