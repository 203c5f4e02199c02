package barometer.crawler.poll;

import java.util.Objects;

/**
 * Where one value of a {@link Poll} came from: the exact sentence it was read from, the page, and how sure the
 * reading is.
 *
 * @param field the poll field ({@code pollster}, {@code fieldEnd}, {@code answers.support}, ...)
 * @param value the value as stored, as text
 * @param sentence the sentence it was read from, verbatim (a CSV line for imported polls)
 * @param source the page or file it came from
 * @param confidence 0..1: 1 for a value stated plainly, lower for hedged or inferred readings
 *        ("nearly half", a year taken from the release date)
 */
public record PollEvidence(String field, String value, String sentence, String source, double confidence) {
    public PollEvidence {
        Objects.requireNonNull(field, "field");
        value = value == null ? "" : value;
        sentence = sentence == null ? "" : sentence;
        source = source == null ? "" : source;
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be within 0..1: " + confidence);
        }
    }
}
