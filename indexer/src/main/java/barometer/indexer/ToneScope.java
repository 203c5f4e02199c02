package barometer.indexer;

/**
 * What a trend's tone is computed from.
 *
 * <ul>
 *   <li>{@link #SENTENCES}: the labels of the sentences that match the query themselves, so that an
 *       article glum about the weather and hopeful about the campaign counts as hopeful for "campaign";
 *   <li>{@link #ARTICLES}: the mean label of each whole matching article.
 * </ul>
 */
public enum ToneScope {
    SENTENCES, ARTICLES
}
