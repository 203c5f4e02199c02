package barometer.indexer;

/**
 * The scale a trend's tone is reported on.
 *
 * <ul>
 *   <li>{@link #NET} (the default): net tone, -1 .. +1 with 0 neutral, as the media-tone literature and GDELT
 *       read it: for mentions and sentences each item counts -1 (negative; CoreNLP classes 0-1), 0 (neutral) or
 *       +1 (positive; classes 3-4), so a bucket's tone is the share positive minus the share negative; for whole
 *       articles, whose value is the mean CoreNLP class, {@code (mean - 2) / 2};
 *   <li>{@link #CLASS}: the 0 .. 4 sentence-class scale with 2 neutral (mentions count 0, 2 or 4).
 * </ul>
 */
public enum ToneScale {
    NET(-1, 1), CLASS(0, 4);

    private final double low;
    private final double high;

    ToneScale(double low, double high) {
        this.low = low;
        this.high = high;
    }

    /** The lowest value on this scale. */
    public double low() {
        return low;
    }

    /** The highest value on this scale. */
    public double high() {
        return high;
    }

    /** One item's value on this scale, from its value on the 0..4 class scale. */
    public double value(double classValue, ToneScope scope) {
        if (this == CLASS) {
            return classValue;
        }
        return scope == ToneScope.ARTICLES ? (classValue - 2) / 2 : Math.signum(Math.round(classValue) - 2);
    }
}
