package barometer.indexer.sentiment;

import java.util.List;

/**
 * A sentence and its sentiment on CoreNLP's five-class scale.
 *
 * @param text the sentence as it stands in the article
 * @param sentiment 0 very negative, 1 negative, 2 neutral, 3 positive, 4 very positive; or
 *     {@link #UNTAGGED} when the sentence was too long to parse and so carries no label
 * @param probabilities the model's probability for each of the five classes, in class order; empty when
 *     untagged
 */
public record TaggedSentence(String text, int sentiment, List<Double> probabilities) {
    /** The label of a sentence that was not tagged (over the length cap). */
    public static final int UNTAGGED = -1;

    public TaggedSentence {
        if (sentiment < UNTAGGED || sentiment > 4) {
            throw new IllegalArgumentException("sentiment must be -1..4, was " + sentiment);
        }
        probabilities = List.copyOf(probabilities);
        if (!probabilities.isEmpty() && probabilities.size() != 5) {
            throw new IllegalArgumentException("five class probabilities expected, got " + probabilities.size());
        }
    }

    /** A sentence with a label but no probabilities (hand-labelled data, tests). */
    public TaggedSentence(String text, int sentiment) {
        this(text, sentiment, List.of());
    }

    /** Whether the sentence carries a label. */
    public boolean isTagged() {
        return sentiment != UNTAGGED;
    }
}
