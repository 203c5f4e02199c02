package barometer.crawler.poll;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the shares a text states, in any of the ways news and releases write them: "32%", "32 percent",
 * "32 per cent", "thirty-two percent", "one in three", "a third", "two-thirds", "nearly half".
 *
 * <p>A hedged phrase ("nearly half", "about a third") keeps the stated value and gets a lower confidence; it is
 * never nudged to a guess.
 */
final class NumberPhrases {

    /** A share found in a text: its value in percent, where it is, and how plainly it was stated. */
    record Share(double value, int start, int end, double confidence) {
    }

    private static final Map<String, Integer> UNITS = Map.ofEntries(
            Map.entry("zero", 0), Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3),
            Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7),
            Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11),
            Map.entry("twelve", 12), Map.entry("thirteen", 13), Map.entry("fourteen", 14), Map.entry("fifteen", 15),
            Map.entry("sixteen", 16), Map.entry("seventeen", 17), Map.entry("eighteen", 18),
            Map.entry("nineteen", 19), Map.entry("twenty", 20), Map.entry("thirty", 30), Map.entry("forty", 40),
            Map.entry("fifty", 50), Map.entry("sixty", 60), Map.entry("seventy", 70), Map.entry("eighty", 80),
            Map.entry("ninety", 90), Map.entry("hundred", 100));
    private static final Map<String, Double> FRACTIONS = Map.ofEntries(
            Map.entry("half", 50.0), Map.entry("third", 100 / 3.0), Map.entry("thirds", 100 / 3.0),
            Map.entry("quarter", 25.0), Map.entry("quarters", 25.0), Map.entry("fourth", 25.0),
            Map.entry("fourths", 25.0), Map.entry("fifth", 20.0), Map.entry("fifths", 20.0),
            Map.entry("tenth", 10.0), Map.entry("tenths", 10.0));
    private static final Map<String, Integer> DENOMINATORS = Map.of("two", 2, "three", 3, "four", 4, "five", 5,
            "six", 6, "seven", 7, "eight", 8, "nine", 9, "ten", 10);

    private static final String HEDGE = "(?:(nearly|almost|about|around|roughly|approximately|some|just under|"
            + "just over|more than|over|fewer than|less than|under|close to|upwards of)\\s+)?";
    private static final String WORD_NUMBER = "(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
            + "(?:[-\\s](?:one|two|three|four|five|six|seven|eight|nine))?|zero|one|two|three|four|five|six|seven|"
            + "eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen";
    private static final Pattern PERCENT = Pattern.compile("(?i)" + HEDGE
            + "(?<![\\d.,])(\\d{1,3}(?:\\.\\d+)?|" + WORD_NUMBER + ")\\s*(?:%|percent\\b|per\\s+cent\\b|pct\\b)");
    private static final Pattern ONE_IN = Pattern.compile("(?i)\\b" + HEDGE
            + "(one|two|three|four|five|six|seven|eight|nine)\\s+(?:in(?:\\s+every)?|out\\s+of)\\s+(two|three|four|five|six|seven|eight|nine|ten)\\b");
    private static final Pattern FRACTION = Pattern.compile("(?i)\\b" + HEDGE
            + "(a|one|two|three|four)[-\\s](half|thirds?|quarters?|fourths?|fifths?|tenths?)\\b|\\b" + HEDGE
            + "(half)\\s+(?:of|said|say|the|were|are|would|want|support|oppose|favou?r)\\b");

    private NumberPhrases() {
    }

    /** Every share stated in the text, in order. */
    static List<Share> shares(String text) {
        List<Share> shares = new ArrayList<>();
        Matcher m = PERCENT.matcher(text);
        while (m.find()) {
            double value = number(m.group(2));
            if (value >= 0 && value <= 100) {
                shares.add(new Share(value, m.start(), m.end(), confidence(m.group(1), 1.0)));
            }
        }
        m = ONE_IN.matcher(text);
        while (m.find()) {
            double value = 100.0 * UNITS.get(m.group(2).toLowerCase(Locale.ROOT))
                    / DENOMINATORS.get(m.group(3).toLowerCase(Locale.ROOT));
            addUnlessInside(shares, new Share(round1(value), m.start(), m.end(), confidence(m.group(1), 0.8)));
        }
        m = FRACTION.matcher(text);
        while (m.find()) {
            double value;
            String hedge;
            if (m.group(3) != null) {
                int count = m.group(2).equalsIgnoreCase("a") ? 1 : UNITS.get(m.group(2).toLowerCase(Locale.ROOT));
                value = count * FRACTIONS.get(m.group(3).toLowerCase(Locale.ROOT));
                hedge = m.group(1);
            } else {
                value = 50;
                hedge = m.group(4);
            }
            int end = m.group(3) != null ? m.end() : m.end(5);
            addUnlessInside(shares, new Share(round1(value), m.start(), end, confidence(hedge, 0.8)));
        }
        shares.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return List.copyOf(shares);
    }

    private static void addUnlessInside(List<Share> shares, Share share) {
        for (Share s : shares) {
            if (share.start() < s.end() && s.start() < share.end()) {
                return;
            }
        }
        shares.add(share);
    }

    /** A number written in digits or words ("32", "32.5", "thirty-two"); -1 when it is neither. */
    static double number(String text) {
        String t = text.toLowerCase(Locale.ROOT).strip();
        if (Character.isDigit(t.charAt(0))) {
            return Double.parseDouble(t);
        }
        int total = 0;
        for (String part : t.split("[-\\s]+")) {
            Integer unit = UNITS.get(part);
            if (unit == null) {
                return -1;
            }
            total += unit;
        }
        return total;
    }

    private static double confidence(String hedge, double plain) {
        if (hedge == null) {
            return plain;
        }
        return switch (hedge.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ")) {
            case "about", "around", "roughly", "approximately", "some" -> Math.min(plain, 0.8);
            default -> 0.6;
        };
    }

    private static double round1(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
