package barometer.indexer.tone;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words around a mention, as the tone model sees them: words 1, 2-3 and 4-6 tokens to its left and
 * right, 10-token windows, every word left and right of it, the mention's own words, and the sentence's uni-, bi- and trigrams with the
 * words after a negation marked until the next punctuation.
 */
final class MentionFeatures {
    private static final Pattern TOKEN = Pattern.compile("\\w+(?:'\\w+)?|[^\\w\\s]", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Set<String> NEGATIONS = Set.of("not", "no", "never", "n't", "nor", "without", "hardly",
            "neither", "nobody", "nothing");

    private MentionFeatures() {
    }

    /** Feature names of the mention at [from, to) of the sentence. */
    static Set<String> of(String sentence, int from, int to) {
        List<String> left = tokens(sentence.substring(0, from));
        List<String> right = tokens(sentence.substring(to));
        Set<String> f = new LinkedHashSet<>();
        for (int i = 0; i < left.size(); i++) {
            int d = left.size() - i;
            if (d <= 6) {
                f.add("L" + band(d) + ":" + left.get(i));
            }
            if (d <= 10) {
                f.add("L10:" + left.get(i));
            }
            f.add("LB:" + left.get(i));
        }
        for (int i = 0; i < right.size(); i++) {
            int d = i + 1;
            if (d <= 6) {
                f.add("R" + band(d) + ":" + right.get(i));
            }
            if (d <= 10) {
                f.add("R10:" + right.get(i));
            }
            f.add("RB:" + right.get(i));
        }
        tokens(sentence.substring(from, to)).forEach(w -> f.add("M:" + w));
        if (left.isEmpty()) {
            f.add("START");
        }
        List<String> all = new ArrayList<>(left);
        all.add("<T>");
        all.addAll(right);
        boolean negated = false;
        for (int i = 0; i < all.size(); i++) {
            String w = all.get(i);
            if (NEGATIONS.contains(w)) {
                negated = true;
                continue;
            }
            if (w.length() == 1 && ".,;:!?".contains(w)) {
                negated = false;
            }
            f.add("B:" + (negated ? "NOT_" : "") + w);
            if (i + 1 < all.size()) {
                f.add("BB:" + w + "_" + all.get(i + 1));
            }
            if (i + 2 < all.size()) {
                f.add("BBB:" + w + "_" + all.get(i + 1) + "_" + all.get(i + 2));
            }
        }
        return f;
    }

    private static String band(int distance) {
        return distance <= 1 ? "1" : distance <= 3 ? "3" : "6";
    }

    private static List<String> tokens(String s) {
        List<String> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(s.toLowerCase(Locale.ROOT));
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }
}
