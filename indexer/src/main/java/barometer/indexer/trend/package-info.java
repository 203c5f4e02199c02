/**
 * Trend series, the same for every backend: a store feeds matches (publication time, value, source, story, article)
 * into a {@link barometer.indexer.trend.TrendAccumulator}, or computes the same sums its own way, as a
 * {@link barometer.indexer.trend.BucketSeries}; {@link barometer.indexer.trend.TrendAssembly} (laying them out with
 * {@link barometer.indexer.trend.SeriesAssembler}) turns the query's, the
 * totals' ({@link barometer.indexer.trend.TotalsCache}) and the tone's sums into a gap-free series of
 * {@link barometer.indexer.trend.TrendPoint}s with shares, mean tones and their intervals
 * ({@link barometer.indexer.trend.Intervals}: Wilson for shares, a t interval clustered by article for tones).
 * {@link barometer.indexer.trend.CoverageGaps} tells a source's missing days from quiet ones.
 */
package barometer.indexer.trend;
