package barometer.cli.eval;

import barometer.crawler.evaluation.EvaluationRecords;
import barometer.crawler.evaluation.Figure;
import barometer.crawler.extract.ArticleExtractor;
import barometer.crawler.fetch.FetchedResource;
import barometer.indexer.ToneScale;
import barometer.indexer.ToneScope;
import barometer.indexer.sentiment.MentionTone;
import barometer.indexer.sentiment.Parser;
import barometer.indexer.sentiment.SentimentTagger;
import barometer.indexer.sentiment.TaggedSentence;
import barometer.indexer.sentiment.ToneModel;
import barometer.indexer.trend.BucketStats;
import barometer.indexer.trend.Interval;
import barometer.indexer.trend.Intervals;
import barometer.indexer.trend.TrendAccumulator;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * {@code ./barometer eval-tone-interval DIR [--draws N] [--seed S]}: checks the coverage of the trend tone
 * interval ({@link Intervals#tone}) by resampling articles. The pages under DIR (e.g. the demo corpus) are
 * extracted and tagged as indexing does; their values (net tone of every sentence, and of every phrase the
 * tone model scores) form a finite population of articles whose true mean is known. For each bucket size G,
 * N buckets of G articles are drawn with replacement and each bucket's interval is computed by the product's
 * own code (a {@link TrendAccumulator} with articles as clusters); the share of intervals holding the
 * population mean is the coverage. The interval that counted every value as independent is scored beside it.
 */
public final class ToneIntervalEvaluation {
    private static final int[] SIZES = {10, 20, 40};

    private ToneIntervalEvaluation() {
    }

    /** One article's values on the net scale. */
    record Article(double[] values) {
    }

    /**
     * Coverage at one bucket size.
     *
     * @param articles G
     * @param clustered share of intervals (articles as clusters) holding the population mean
     * @param naive share of intervals counting every value as independent holding it
     * @param meanWidth mean width of the clustered interval
     */
    record Coverage(int articles, double clustered, double naive, double meanWidth) {
    }

    static List<Coverage> coverage(List<Article> population, int draws, long seed) {
        double sum = 0, count = 0;
        for (Article a : population) {
            for (double v : a.values()) {
                sum += v;
                count++;
            }
        }
        double truth = sum / count;
        SplittableRandom random = new SplittableRandom(seed);
        List<Coverage> out = new ArrayList<>();
        for (int g : SIZES) {
            int clusteredHits = 0, naiveHits = 0, intervals = 0;
            double width = 0;
            for (int draw = 0; draw < draws; draw++) {
                TrendAccumulator acc = new TrendAccumulator(Interval.YEAR, ZoneOffset.UTC, false);
                for (int k = 0; k < g; k++) {
                    Article a = population.get(random.nextInt(population.size()));
                    for (double v : a.values()) {
                        acc.add(0L, v, null, null, (long) k);
                    }
                }
                BucketStats stats = acc.overall().values().stream().findFirst().orElse(BucketStats.EMPTY);
                double[] band = Intervals.tone(stats, -1, 1);
                if (band == null) {
                    continue;
                }
                intervals++;
                clusteredHits += band[0] <= truth && truth <= band[1] ? 1 : 0;
                width += band[1] - band[0];
                double mean = stats.sum() / stats.scored();
                double variance = (stats.sumOfSquares() - stats.sum() * stats.sum() / stats.scored())
                        / Math.max(1, stats.scored() - 1);
                double half = 1.959964 * Math.sqrt(variance / stats.scored());
                naiveHits += mean - half <= truth && truth <= mean + half ? 1 : 0;
            }
            out.add(new Coverage(g, clusteredHits / (double) intervals, naiveHits / (double) intervals,
                    width / intervals));
        }
        return out;
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 0 || !Files.isDirectory(Path.of(args[0]))) {
            System.err.println("usage: ./barometer eval-tone-interval DIR [--draws N] [--seed S]"
                    + "  (DIR holds article pages, e.g. api/src/main/resources/META-INF/resources/demo)");
            System.exit(2);
        }
        int draws = 4000;
        long seed = 20261201L;
        for (int i = 1; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--draws" -> draws = Integer.parseInt(args[i + 1]);
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                default -> {
                    System.err.println("eval-tone-interval: unknown option " + args[i]);
                    System.exit(2);
                }
            }
        }
        Path dir = Path.of(args[0]);
        List<Path> pages;
        try (Stream<Path> files = Files.walk(dir)) {
            pages = files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
        SentimentTagger tagger = new SentimentTagger(80, 1, 1, Parser.DEFAULT, ToneModel.bundled());
        ArticleExtractor extractor = new ArticleExtractor();
        List<Article> sentences = new ArrayList<>(), mentions = new ArrayList<>();
        for (Path page : pages) {
            URI uri = URI.create("http://localhost/" + dir.relativize(page).toString().replace('\\', '/'));
            String text = extractor.extract(new FetchedResource(uri, uri, "", Files.readAllBytes(page))).text();
            if (text == null || text.isBlank()) {
                continue;
            }
            List<Double> s = new ArrayList<>(), m = new ArrayList<>();
            for (TaggedSentence t : tagger.tag(text)) {
                if (t.isTagged()) {
                    s.add(ToneScale.NET.value(t.sentiment(), ToneScope.SENTENCES));
                }
                for (MentionTone tone : t.mentions()) {
                    m.add(ToneScale.NET.value(tone.tone().ordinal() * 2.0, ToneScope.MENTIONS));
                }
            }
            if (s.size() > 0) {
                sentences.add(new Article(s.stream().mapToDouble(Double::doubleValue).toArray()));
            }
            if (m.size() > 0) {
                mentions.add(new Article(m.stream().mapToDouble(Double::doubleValue).toArray()));
            }
        }
        System.out.printf(Locale.ROOT, "%d articles tagged from %s; %d draws per size%n", sentences.size(), dir, draws);
        List<Figure> figures = new ArrayList<>();
        for (var population : List.of(java.util.Map.entry("sentences", sentences), java.util.Map.entry("mentions", mentions))) {
            int values = population.getValue().stream().mapToInt(a -> a.values().length).sum();
            System.out.printf(Locale.ROOT, "%s: %d values in %d articles%n", population.getKey(), values,
                    population.getValue().size());
            System.out.println("  articles  clustered 95%  mean width  values-as-independent 95%");
            for (Coverage c : coverage(population.getValue(), draws, seed)) {
                System.out.printf(Locale.ROOT, "  %8d  %12.1f%%  %10.3f  %24.1f%%%n", c.articles(), 100 * c.clustered(),
                        c.meanWidth(), 100 * c.naive());
                figures.add(new Figure(String.format(Locale.ROOT, "coverage of the nominal 95%% interval, %s, %d "
                        + "articles", population.getKey(), c.articles()), c.clustered()));
                figures.add(new Figure(String.format(Locale.ROOT, "coverage if values were independent, %s, %d "
                        + "articles", population.getKey(), c.articles()), c.naive()));
            }
        }
        EvaluationRecords records = EvaluationRecords.fromSystemProperties();
        records.report(records.record("eval-tone-interval", "", "./barometer eval-tone-interval " + String.join(" ", args),
                dir, "the trend tone interval (net tone, articles as clusters, t with G-1 degrees of freedom)",
                "buckets of news articles", sentences.size(), "Buckets of G articles drawn with replacement from the "
                        + "tagged pages; the population's mean net tone is the truth. " + draws + " draws per size, "
                        + "seed " + seed + ".", figures));
    }
}
