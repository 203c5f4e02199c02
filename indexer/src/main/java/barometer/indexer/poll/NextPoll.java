package barometer.indexer.poll;

/**
 * The new poll a predictive interval is for.
 *
 * @param pollster its pollster (its house effect and that effect's uncertainty are used), or {@code null} for a
 *        pollster taken at random (the spread of house effects is used instead)
 * @param sampleSize its respondents, or {@code null} for the median sample size of the polls known that day
 */
public record NextPoll(String pollster, Integer sampleSize) {
    /** A pollster taken at random, of the median sample size. */
    public static final NextPoll ANY = new NextPoll(null, null);

    public NextPoll {
        pollster = pollster == null || pollster.isBlank() ? null : pollster.strip();
        if (sampleSize != null && sampleSize < 1) {
            throw new IllegalArgumentException("sample size must be 1 or more: " + sampleSize);
        }
    }
}
