package barometer.crawler.poll;

import java.util.Locale;
import java.util.Optional;

/** Who a poll sampled. Values that are not stated stay {@code null} on a {@link Poll}; nothing is guessed. */
public enum Population {
    ADULTS("adults", "a"),
    REGISTERED_VOTERS("registered voters", "rv"),
    LIKELY_VOTERS("likely voters", "lv"),
    /** Voters of unstated registration status (the {@code v} code of published poll lists). */
    VOTERS("voters", "v");

    private final String label;
    private final String code;

    Population(String label, String code) {
        this.label = label;
        this.code = code;
    }

    /** The words used in JSON and CSV ({@code "registered voters"}). */
    @com.fasterxml.jackson.annotation.JsonValue
    public String label() {
        return label;
    }

    /** The short code of published poll lists ({@code rv}). */
    public String code() {
        return code;
    }

    /** Reads a label, a code or the enum name, any case; empty when it is none of them. */
    public static Optional<Population> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip().toLowerCase(Locale.ROOT).replace('_', ' ');
        for (Population p : values()) {
            if (t.equals(p.label) || t.equals(p.code) || t.equals(p.name().toLowerCase(Locale.ROOT).replace('_', ' '))) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
