package barometer.indexer;

/** When {@link Ingest} tags an article. */
public enum Tagging {
    /** Before storing it: the article appears with its tone, once tagging is done. */
    INLINE,
    /**
     * After storing it: the article is searchable and counted in volume and share at once, and a background queue
     * (the untagged articles in the index, so it survives restarts) adds its sentences and tone.
     */
    QUEUED
}
