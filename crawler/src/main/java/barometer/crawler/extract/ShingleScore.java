package barometer.crawler.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How close an extracted text is to a reference text, as the public article-extraction benchmark scores
 * it: tokens are runs of word characters, a text is the multiset of its runs of four tokens, and
 * precision and recall are taken on those shingles.
 *
 * @param precision shared shingles over predicted ones (1 when both texts are empty)
 * @param recall shared shingles over reference ones (1 when both texts are empty)
 */
public record ShingleScore(double precision, double recall) {
    private static final Pattern TOKEN = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);

    /** Scores a prediction against the reference. */
    public static ShingleScore of(String predicted, String reference) {
        Map<String, Integer> p = shingles(predicted), t = shingles(reference);
        if (p.isEmpty() && t.isEmpty()) {
            return new ShingleScore(1, 1);
        }
        double tp = 0, fp = 0, fn = 0;
        for (Map.Entry<String, Integer> e : p.entrySet()) {
            int shared = Math.min(e.getValue(), t.getOrDefault(e.getKey(), 0));
            tp += shared;
            fp += e.getValue() - shared;
        }
        for (Map.Entry<String, Integer> e : t.entrySet()) {
            fn += e.getValue() - Math.min(e.getValue(), p.getOrDefault(e.getKey(), 0));
        }
        return new ShingleScore(tp + fp == 0 ? 0 : tp / (tp + fp), tp + fn == 0 ? 0 : tp / (tp + fn));
    }

    /** The harmonic mean of precision and recall. */
    public double f1() {
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }

    private static Map<String, Integer> shingles(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text == null ? "" : text);
        while (m.find()) {
            tokens.add(m.group());
        }
        Map<String, Integer> out = new HashMap<>();
        for (int i = 0; i + 4 <= tokens.size(); i++) {
            out.merge(String.join(" ", tokens.subList(i, i + 4)), 1, Integer::sum);
        }
        return out;
    }
}
