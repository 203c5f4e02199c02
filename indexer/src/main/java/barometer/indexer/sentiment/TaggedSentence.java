package barometer.indexer.sentiment;

/**
 * A sentence and its sentiment on CoreNLP's five-class scale.
 *
 * @param text the sentence as it stands in the article
 * @param sentiment 0 very negative, 1 negative, 2 neutral, 3 positive, 4 very positive; or
 *     {@link #UNTAGGED} when the sentence was too long to parse and so carries no label
 */
public record TaggedSentence(String text, int sentiment) {
    /** The label of a sentence that was not tagged (over the length cap). */
    public static final int UNTAGGED = -1;

    public TaggedSentence {
        if (sentiment < UNTAGGED || sentiment > 4) {
            throw new IllegalArgumentException("sentiment must be -1..4, was " + sentiment);
        }
    }

    /** Whether the sentence carries a label. */
    public boolean isTagged() {
        return sentiment != UNTAGGED;
    }
}
