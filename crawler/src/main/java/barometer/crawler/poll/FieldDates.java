package barometer.crawler.poll;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a poll's fieldwork dates from a sentence in their common forms: "January 12-24, 2017", "Jan. 28 to
 * Feb. 3", "12-24 January 2017", "between March 1 and 5", "2017-01-12 to 2017-01-24", or a single day after
 * "conducted on". A missing year is taken from the release date (the latest such day not after it), with a
 * lower confidence; without one the dates stay unknown.
 *
 * @param start first fieldwork day
 * @param end last fieldwork day
 * @param confidence 1 when the year was written, lower when it was inferred
 * @param at where in the sentence the dates were read
 */
record FieldDates(LocalDate start, LocalDate end, double confidence, int at) {

    private static final String MONTH = "(Jan(?:uary|\\.)?|Feb(?:ruary|\\.)?|Mar(?:ch|\\.)?|Apr(?:il|\\.)?|May|"
            + "June?\\.?|July?\\.?|Aug(?:ust|\\.)?|Sept?(?:ember|\\.)?|Oct(?:ober|\\.)?|Nov(?:ember|\\.)?|Dec(?:ember|\\.)?)";
    private static final String DAY = "(\\d{1,2})(?:st|nd|rd|th)?";
    private static final String YEAR = "(?:,?\\s+((?:19|20)\\d{2}))?";
    private static final String TO = "\\s*(?:-|–|—|to|through|thru|until|and)\\s*";
    private static final Pattern MONTH_DAY_TO_MONTH_DAY = Pattern.compile(
            "\\b" + MONTH + "\\s+" + DAY + YEAR + TO + MONTH + "\\s+" + DAY + "\\b" + YEAR);
    private static final Pattern MONTH_DAY_TO_DAY = Pattern.compile(
            "\\b" + MONTH + "\\s+" + DAY + TO + DAY + "\\b" + YEAR);
    private static final Pattern DAY_MONTH_TO_DAY_MONTH = Pattern.compile(
            "\\b" + DAY + "\\s+" + MONTH + YEAR + TO + DAY + "\\s+" + MONTH + YEAR);
    private static final Pattern DAY_TO_DAY_MONTH = Pattern.compile(
            "\\b" + DAY + TO + DAY + "\\s+" + MONTH + YEAR);
    private static final Pattern ISO = Pattern.compile(
            "\\b((?:19|20)\\d{2})-(\\d{2})-(\\d{2})(?:" + TO + "((?:19|20)\\d{2})-(\\d{2})-(\\d{2}))?\\b");
    private static final Pattern SINGLE = Pattern.compile("(?i:conducted|fielded|carried out|taken|surveyed|"
            + "interviewed|polled)\\s+(?:[\\w,]+\\s+){0,6}?(?:(?i:on)\\s+)?(?:" + MONTH + "\\s+" + DAY + "|" + DAY
            + "\\s+" + MONTH + ")\\b" + YEAR);

    /** The fieldwork dates of a sentence, if it states them. */
    static Optional<FieldDates> find(String sentence, LocalDate reference, Integer textYear) {
        Matcher m = MONTH_DAY_TO_MONTH_DAY.matcher(sentence);
        if (m.find()) {
            return build(month(m.group(1)), num(m.group(2)), year(m.group(3)), month(m.group(4)), num(m.group(5)),
                    year(m.group(6)), reference, textYear, m.start());
        }
        m = DAY_MONTH_TO_DAY_MONTH.matcher(sentence);
        if (m.find()) {
            return build(month(m.group(2)), num(m.group(1)), year(m.group(3)), month(m.group(5)), num(m.group(4)),
                    year(m.group(6)), reference, textYear, m.start());
        }
        m = MONTH_DAY_TO_DAY.matcher(sentence);
        if (m.find()) {
            int month = month(m.group(1));
            return build(month, num(m.group(2)), null, month, num(m.group(3)), year(m.group(4)), reference, textYear,
                    m.start());
        }
        m = DAY_TO_DAY_MONTH.matcher(sentence);
        if (m.find()) {
            int month = month(m.group(3));
            return build(month, num(m.group(1)), null, month, num(m.group(2)), year(m.group(4)), reference, textYear,
                    m.start());
        }
        m = ISO.matcher(sentence);
        if (m.find() && m.group(4) != null) {
            return build(num(m.group(2)), num(m.group(3)), num(m.group(1)), num(m.group(5)), num(m.group(6)),
                    num(m.group(4)), reference, textYear, m.start());
        }
        m = SINGLE.matcher(sentence);
        if (m.find()) {
            boolean monthFirst = m.group(1) != null;
            int month = month(monthFirst ? m.group(1) : m.group(4));
            int day = num(monthFirst ? m.group(2) : m.group(3));
            return build(month, day, null, month, day, year(m.group(5)), reference, textYear, m.start());
        }
        return Optional.empty();
    }

    private static Optional<FieldDates> build(int startMonth, int startDay, Integer startYear, int endMonth,
            int endDay, Integer endYear, LocalDate reference, Integer textYear, int at) {
        double confidence = 1.0;
        if (endYear == null) {
            endYear = startYear;
        }
        if (endYear == null) {
            if (reference != null) {
                endYear = reference.getYear();
                if (safeDate(endYear, endMonth, endDay) != null
                        && safeDate(endYear, endMonth, endDay).isAfter(reference.plusDays(7))) {
                    endYear--;
                }
                confidence = 0.8;
            } else if (textYear != null) {
                endYear = textYear;
                confidence = 0.6;
            } else {
                return Optional.empty();
            }
        }
        if (startYear == null) {
            startYear = startMonth > endMonth ? endYear - 1 : endYear;
        }
        LocalDate start = safeDate(startYear, startMonth, startDay);
        LocalDate end = safeDate(endYear, endMonth, endDay);
        if (start == null || end == null || start.isAfter(end) || end.toEpochDay() - start.toEpochDay() > 120) {
            return Optional.empty();
        }
        return Optional.of(new FieldDates(start, end, confidence, at));
    }

    private static LocalDate safeDate(int year, int month, int day) {
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static int month(String name) {
        String m = name.toLowerCase(Locale.ROOT).substring(0, 3);
        return switch (m) {
            case "jan" -> 1;
            case "feb" -> 2;
            case "mar" -> 3;
            case "apr" -> 4;
            case "may" -> 5;
            case "jun" -> 6;
            case "jul" -> 7;
            case "aug" -> 8;
            case "sep" -> 9;
            case "oct" -> 10;
            case "nov" -> 11;
            default -> 12;
        };
    }

    private static int num(String digits) {
        return Integer.parseInt(digits);
    }

    private static Integer year(String digits) {
        return digits == null ? null : Integer.valueOf(digits);
    }
}
