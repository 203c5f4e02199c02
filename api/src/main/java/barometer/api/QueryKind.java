package barometer.api;

import barometer.indexer.SentenceHit;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a query names, as far as a tone figure is concerned: the keyword-scoped tone model was measured on
 * mentions of people (NewsMTSC), so its figure speaks for queries that name someone and for nothing else.
 * A query counts as a {@link #NAME} when, in the sentences it matches, its words are written capitalised
 * where they stand inside a sentence (as names are in news text); otherwise it is a {@link #WORD} ("secession",
 * "tax"), for which no tone accuracy was measured.
 */
public enum QueryKind {
    NAME, WORD;

    private static final Pattern WORDS = Pattern.compile("\\p{L}[\\p{L}'-]*");
    private static final java.util.Set<String> OPERATORS = java.util.Set.of("and", "or", "not", "to");
    /** Occurrences needed before a query counts as a name. */
    private static final int MIN_OCCURRENCES = 3;
    private static final double CAPITALISED = 0.8;

    /** The kind of {@code query}, judged on sentences it matches. */
    static QueryKind of(String query, List<SentenceHit> evidence) {
        List<String> words = WORDS.matcher(query == null ? "" : query).results().map(m -> m.group())
                .filter(w -> !OPERATORS.contains(w.toLowerCase(Locale.ROOT)))
                .map(w -> w.toLowerCase(Locale.ROOT)).toList();
        if (words.isEmpty()) {
            return WORD;
        }
        int seen = 0, capitalised = 0;
        for (SentenceHit hit : evidence) {
            Matcher m = WORDS.matcher(hit.text());
            boolean first = true;
            while (m.find()) {
                String w = m.group();
                if (!first && words.contains(w.toLowerCase(Locale.ROOT))) {
                    seen++;
                    capitalised += Character.isUpperCase(w.charAt(0)) ? 1 : 0;
                }
                first = false;
            }
        }
        return seen >= MIN_OCCURRENCES && capitalised >= CAPITALISED * seen ? NAME : WORD;
    }
}
