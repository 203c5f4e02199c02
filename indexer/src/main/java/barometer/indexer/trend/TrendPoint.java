package barometer.indexer.trend;

import java.time.LocalDate;

/**
 * One bucket of a trend series.
 *
 * @param start the bucket's first day
 * @param articles matching articles published in the bucket
 * @param stories distinct stories among them (near-duplicate copies of one wire story count once)
 * @param allArticles all stored articles published in the bucket (of the same source, in a per-source
 *     series)
 * @param share {@code articles / allArticles} (pooled over the smoothing window), or null when the bucket
 *     has no articles at all
 * @param articlesSmoothed mean of {@code articles} over the smoothing window, or null without smoothing
 * @param toneCount sentences (or articles, with article scope) behind the tone
 * @param tone mean tone on the 0 (very negative) .. 4 (very positive) scale, or null when nothing is
 *     behind it
 * @param toneLow lower end of the 95% confidence interval of the mean, or null with fewer than two
 * @param toneHigh upper end of that interval, or null with fewer than two
 */
public record TrendPoint(LocalDate start, long articles, long stories, long allArticles, Double share, Double articlesSmoothed,
                         long toneCount, Double tone, Double toneLow, Double toneHigh) {
}
