package barometer.api;

/** Names a mean sentiment score the way people read it. */
final class Tone {
    private Tone() {
    }

    /** negative below 1.5, positive above 2.5, neutral between; null when there is no score. */
    static String of(Double score) {
        if (score == null) {
            return null;
        }
        return score < 1.5 ? "negative" : score > 2.5 ? "positive" : "neutral";
    }
}
