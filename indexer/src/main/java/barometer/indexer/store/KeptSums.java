package barometer.indexer.store;

/**
 * What the embedded index keeps of trend and facet sums per unchanged segment, and how often they answered.
 *
 * @param entries sums kept (one per segment, query and measure)
 * @param bytes about the heap they hold
 * @param hits segments whose kept sums answered a trend
 * @param misses segments summed afresh (new, changed, or not asked before)
 */
public record KeptSums(long entries, long bytes, long hits, long misses) {
}
