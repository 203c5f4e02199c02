package barometer.indexer.trend;

import java.time.LocalDate;

/**
 * One bucket of a trend series.
 *
 * @param start the bucket's first day
 * @param count matching articles published in the bucket
 * @param meanSentiment mean of their sentiment (0..4), or {@code null} when no article in it has one
 * @param variance sample variance of their sentiment, or {@code null} with fewer than two
 */
public record TrendPoint(LocalDate start, long count, Double meanSentiment, Double variance) {
}
