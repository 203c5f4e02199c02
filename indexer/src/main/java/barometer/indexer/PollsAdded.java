package barometer.indexer;

/**
 * What storing a batch of polls did.
 *
 * @param added polls not seen before
 * @param merged reports of a stored poll (same pollster, dates and shares): their sources and missing values
 *        were added to it
 * @param unchanged polls already stored as they are (a re-import)
 */
public record PollsAdded(int added, int merged, int unchanged) {
}
