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
 * @param allStories distinct stories among all stored articles of the bucket
 * @param share matching over all (articles, or stories when the share counts stories), pooled over the
 *     smoothing window, or null when the bucket has no articles at all
 * @param shareLow lower end of the share's 95% Wilson interval, or null with the share
 * @param shareHigh upper end of that interval
 * @param articlesSmoothed mean of {@code articles} over the smoothing window, or null without smoothing
 * @param toneCount values behind the tone (mentions, sentences, or articles with article scope)
 * @param toneArticles articles those values come from: the independent draws behind the interval
 * @param tone mean tone on the series' scale (net tone -1..+1, or the 0..4 class scale), or null when nothing
 *     is behind it
 * @param toneLow lower end of the 95% interval of the mean, articles as clusters (t with articles - 1 degrees
 *     of freedom), or null when {@code toneTooFew}
 * @param toneHigh upper end of that interval
 * @param toneTooFew true when a tone was measured on fewer articles than an interval needs: read the point as
 *     anecdote, not estimate
 * @param untagged matching articles stored but not yet tagged: counted in {@code articles} and {@code share},
 *     not yet in the tone
 */
public record TrendPoint(LocalDate start, long articles, long stories, long allArticles, long allStories,
                         Double share, Double shareLow, Double shareHigh, Double articlesSmoothed, long toneCount,
                         long toneArticles, Double tone, Double toneLow, Double toneHigh, boolean toneTooFew,
                         long untagged) {
}
