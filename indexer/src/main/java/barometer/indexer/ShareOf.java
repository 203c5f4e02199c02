package barometer.indexer;

/**
 * What a trend's share of coverage counts: {@link #ARTICLES} (every matching article over all articles) or
 * {@link #STORIES} (distinct stories over all distinct stories, so that a wire story run by twenty outlets
 * counts once). Articles of one story are not independent draws, so the interval of the story share is the
 * more honest one.
 */
public enum ShareOf {
    ARTICLES, STORIES
}
