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

        /** Must-appear snippets found, over all pages. */
        public int withFound() {
            return pages.stream().mapToInt(PageResult::withFound).sum();
        }

        /** Must-appear snippets listed, over all pages. */
        public int withTotal() {
            return pages.stream().mapToInt(PageResult::withTotal).sum();
        }

        /** Boilerplate snippets found (they should not be), over all pages. */
        public int withoutFound() {
            return pages.stream().mapToInt(PageResult::withoutFound).sum();
        }

        /** Boilerplate snippets listed, over all pages. */
        public int withoutTotal() {
            return pages.stream().mapToInt(PageResult::withoutTotal).sum();
        }

        /** Pages whose text came back empty or nearly so (under a tenth of the true words found). */
        public long empty() {
            return pages.stream().filter(r -> r.words().recall() < 0.1).count();
        }

        /** Pages where less than half of the true words were found. */
        public long underHalf() {
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


}
