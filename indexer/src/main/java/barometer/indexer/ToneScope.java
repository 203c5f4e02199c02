package barometer.indexer;

/**
 * What a trend's tone is computed from: which of Barometer's tone measures a series uses.
 *
 * <ul>
 *   <li>{@link #MENTIONS} (the default): the keyword-scoped tone model's reading of the tone toward the
 *       words the query names, at each place they occur in a matching sentence; each mention scores 0
 *       (negative), 2 (neutral) or 4 (positive), so that a sentence glum about one candidate and warm about
 *       another counts as warm for the second;
 *   <li>{@link #SENTENCES}: CoreNLP's 0-4 class of each matching sentence as a whole;
 *   <li>{@link #ARTICLES}: the mean class of each whole matching article.
 * </ul>
 * A blank query names nothing, so its mention tone is the sentence measure.
 */
public enum ToneScope {
    MENTIONS, SENTENCES, ARTICLES
}
