package barometer.crawler.poll;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits text into sentences, keeping "U.S.", "Jan. 12", "Dr." and "3.5" inside theirs. */
final class Sentences {
    private static final Pattern END = Pattern.compile("[.!?][\"”’')]*\\s+(?=[\"“‘'(]?[A-Z0-9])");
    private static final Set<String> ABBREVIATIONS = Set.of("u.s", "u.k", "jan", "feb", "mar", "apr", "jun", "jul",
            "aug", "sep", "sept", "oct", "nov", "dec", "dr", "mr", "mrs", "ms", "st", "no", "inc", "co", "corp", "ltd",
            "vs", "gov", "sen", "rep", "prof", "gen", "jr", "sr", "a.m", "p.m", "e.g", "i.e", "approx", "est", "pct");

    private Sentences() {
    }

    static List<String> split(String text) {
        List<String> sentences = new ArrayList<>();
        for (String paragraph : text.split("\\n\\s*")) {
            int from = 0;
            Matcher m = END.matcher(paragraph);
            while (m.find()) {
                String before = paragraph.substring(from, m.start());
                int space = Math.max(before.lastIndexOf(' '), before.lastIndexOf('('));
                String word = before.substring(space + 1).toLowerCase(java.util.Locale.ROOT);
                if (paragraph.charAt(m.start()) == '.' && (ABBREVIATIONS.contains(word) || word.matches("[a-z]"))) {
                    continue;
                }
                add(sentences, paragraph.substring(from, m.end()));
                from = m.end();
            }
            add(sentences, paragraph.substring(from));
        }
        return List.copyOf(sentences);
    }

    private static void add(List<String> sentences, String sentence) {
        String s = sentence.strip();
        if (!s.isEmpty()) {
            sentences.add(s);
        }
    }
}
