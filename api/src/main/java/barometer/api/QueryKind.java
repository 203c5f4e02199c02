package barometer.api;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a query names, as far as a tone figure is concerned: the keyword-scoped tone model was measured on
 * mentions of people (NewsMTSC), so its figure speaks for queries that name someone and for nothing else.
 * A query counts as a {@link #NAME} when, in the sentences it matches, it is written as people's names are in
 * news text: capitalised inside a sentence, and either two or more words ("Gavin Newsom") or, for one word, mostly
 * beside another capitalised word (a first name or a title: "Governor Newsom", "Donald Trump"). Otherwise it is
 * a {@link #WORD}: an issue word ("secession"), and also a coined or place name ("Calexit", "California"),
 * capitalised but not a person; no tone accuracy was measured for those.
 */
public enum QueryKind {
    NAME, WORD;

    private static final Pattern WORDS = Pattern.compile("\\p{L}[\\p{L}'-]*");
    private static final java.util.Set<String> OPERATORS = java.util.Set.of("and", "or", "not", "to");
    /** Occurrences needed before a query counts as a name. */
    private static final int MIN_OCCURRENCES = 3;
    private static final double CAPITALISED = 0.8;
    /** Share of capitalised occurrences beside another capitalised word for one word to read as a person. */
    private static final double PERSON_CONTEXT = 0.5;

    /** The kind of {@code query}, judged on sentences it matches. */
    static QueryKind of(String query, List<String> evidence) {
        List<String> words = WORDS.matcher(query == null ? "" : query).results().map(m -> m.group())
                .filter(w -> !OPERATORS.contains(w.toLowerCase(Locale.ROOT)))
                .map(w -> w.toLowerCase(Locale.ROOT)).toList();
        if (words.isEmpty()) {
            return WORD;
        }
        int seen = 0, capitalised = 0, beside = 0;
        for (String sentence : evidence) {
            List<String> tokens = WORDS.matcher(sentence).results().map(m -> m.group()).toList();
            for (int i = 1; i < tokens.size(); i++) {
                String w = tokens.get(i);
                if (words.contains(w.toLowerCase(Locale.ROOT))) {
                    seen++;
                    if (Character.isUpperCase(w.charAt(0))) {
                        capitalised++;
                        boolean before = i > 1 && capitalisedOther(tokens.get(i - 1), words);
                        boolean after = i + 1 < tokens.size() && capitalisedOther(tokens.get(i + 1), words);
                        beside += before || after ? 1 : 0;
                    }
                }
            }
        }
        boolean personLike = words.size() >= 2 || beside >= PERSON_CONTEXT * capitalised;
        return seen >= MIN_OCCURRENCES && capitalised >= CAPITALISED * seen && personLike ? NAME : WORD;
    }

    private static boolean capitalisedOther(String token, List<String> words) {
        return Character.isUpperCase(token.charAt(0)) && !words.contains(token.toLowerCase(Locale.ROOT));
    }
}
