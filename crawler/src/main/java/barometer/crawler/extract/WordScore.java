package barometer.crawler.extract;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How close an extracted text is to a reference text, as the Web Content Extraction Benchmark (WCXB) scores
 * it: each text is the multiset of its lower-cased runs of word characters; precision is the overlap over the
 * predicted tokens, recall the overlap over the reference tokens. An empty reference scores 1 when the
 * prediction is empty too, else 0.
 *
 * @param precision shared tokens over predicted ones
 * @param recall shared tokens over reference ones
 * @param f1 their harmonic mean (the benchmark's per-page figure)
 */
public record WordScore(double precision, double recall, double f1) {
    private static final Pattern TOKEN = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);

    /** Scores a prediction against the reference. */
    public static WordScore of(String predicted, String reference) {
        Map<String, Integer> p = tokens(predicted), t = tokens(reference);
        if (t.isEmpty()) {
            double v = p.isEmpty() ? 1 : 0;
            return new WordScore(v, v, v);
        }
        int predictedCount = p.values().stream().mapToInt(Integer::intValue).sum();
        int referenceCount = t.values().stream().mapToInt(Integer::intValue).sum();
        int shared = 0;
        for (Map.Entry<String, Integer> e : p.entrySet()) {
            shared += Math.min(e.getValue(), t.getOrDefault(e.getKey(), 0));
        }
        double precision = predictedCount == 0 ? 0 : (double) shared / predictedCount;
        double recall = (double) shared / referenceCount;
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new WordScore(precision, recall, f1);
    }

    private static Map<String, Integer> tokens(String text) {
        Map<String, Integer> out = new HashMap<>();
        Matcher m = TOKEN.matcher(text == null ? "" : text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            out.merge(m.group(), 1, Integer::sum);
        }
        return out;
    }
}
