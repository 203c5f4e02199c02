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
 * @param mentions the tone toward each of its phrases (nouns and noun runs, verbs, adjectives), in order;
 *     empty when the tagger has no tone model
 */
public record TaggedSentence(String text, int sentiment, List<Double> probabilities, List<MentionTone> mentions) {
    /** The label of a sentence that was not tagged (over the length cap). */
    public static final int UNTAGGED = -1;

    public TaggedSentence {
        if (sentiment < UNTAGGED || sentiment > 4) {
            throw new IllegalArgumentException("sentiment must be -1..4, was " + sentiment);
        }
        probabilities = List.copyOf(probabilities);
        mentions = List.copyOf(mentions);
        if (!probabilities.isEmpty() && probabilities.size() != 5) {
            throw new IllegalArgumentException("five class probabilities expected, got " + probabilities.size());
        }
    }

    /** A sentence with a label but no probabilities (hand-labelled data, tests). */
    public TaggedSentence(String text, int sentiment) {
        this(text, sentiment, List.of(), List.of());
    }

    /** The tone toward the phrase that covers the character at {@code offset}, or null when none does. */
    public ToneClass toneAt(int offset) {
        for (MentionTone m : mentions) {
            if (offset >= m.from() && offset < m.to()) {
                return m.tone();
            }
        }
        return null;
    }

    /** Whether the sentence carries a label. */
    public boolean isTagged() {
        return sentiment != UNTAGGED;
    }
}
