package barometer.indexer.sentiment;


/**
 * A mention in a sentence and the tone of the sentence toward it.
 *
 * @param tone negative, neutral or positive
 * @param from the mention's first character in the sentence
 * @param to one past its last character
 * @param sentence the sentence
 */
public record LabelledMention(ToneClass tone, int from, int to, String sentence) {
    public LabelledMention {
        if (from < 0 || to > sentence.length() || from > to) {
            throw new IllegalArgumentException("mention [" + from + ", " + to + ") outside a sentence of "
                    + sentence.length() + " characters");
        }
    }
}
