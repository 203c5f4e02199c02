package barometer.indexer.sentiment;

/**
 * The tone of a sentence toward one of its phrases, as the keyword-scoped {@link ToneModel} reads it.
 *
 * @param from the phrase's first character in the sentence
 * @param to one past its last character
 * @param tone negative, neutral or positive
 */
public record MentionTone(int from, int to, ToneClass tone) {
    public MentionTone {
        if (from < 0 || to <= from) {
            throw new IllegalArgumentException("empty or negative span [" + from + ", " + to + ")");
        }
    }
}
