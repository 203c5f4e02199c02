package barometer.indexer.sentiment;

import java.util.Locale;

/**
 * The three tone classes people read, from CoreNLP's five: 0-1 negative, 2 neutral, 3-4 positive. A mean
 * score is negative below 1.5, positive above 2.5, neutral between.
 */
public enum ToneClass {
    NEGATIVE, NEUTRAL, POSITIVE;

    /** The class of one sentence label (0..4). */
    public static ToneClass ofLabel(int label) {
        return label <= 1 ? NEGATIVE : label == 2 ? NEUTRAL : POSITIVE;
    }

    /** The class of a mean score, or null for NaN. */
    public static ToneClass ofMean(double mean) {
        if (Double.isNaN(mean)) {
            return null;
        }
        return mean < 1.5 ? NEGATIVE : mean > 2.5 ? POSITIVE : NEUTRAL;
    }

    /** The lower-case name used in the API and the index. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a lower- or upper-case name; null when it is none of the three. */
    public static ToneClass parse(String s) {
        for (ToneClass t : values()) {
            if (t.name().equalsIgnoreCase(s.strip())) {
                return t;
            }
        }
        return null;
    }
}
