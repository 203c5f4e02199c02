package barometer.crawler.poll;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Reader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads poll data files: one row per poll question, a header naming the columns. Two layouts are read, told
 * apart by their column names:
 *
 * <ul>
 *   <li>Barometer's: {@code pollster, sponsors, field_start, field_end, released, sample_size, population,
 *       mode, margin_of_error, geography, topic, question, url, id}, then one column per answer
 *       ({@code support, oppose, unsure} or {@code approve, disapprove}, ...);</li>
 *   <li>the published approval-poll list's ({@code start_date, end_date, pollster, pollster_grade,
 *       sample_size, population, approve, disapprove, tracking, url, poll_id, question_id, created_date}).</li>
 * </ul>
 *
 * Every column except {@code pollster} and one answer is optional. A bad row is reported with its line and
 * reason and the good rows around it are kept.
 */
public final class PollCsv {

    /** What a file gave: the good polls, and a problem for each row that was left out. */
    public record Result(List<Poll> polls, List<RowProblem> problems) {
        public Result {
            polls = List.copyOf(polls);
            problems = List.copyOf(problems);
        }
    }

    /** A row that was left out: its line in the file (1 = header) and why. */
    public record RowProblem(long line, String reason) {
        @Override
        public String toString() {
            return "line " + line + ": " + reason;
        }
    }

    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("start_date", "field_start"), Map.entry("startdate", "field_start"),
            Map.entry("end_date", "field_end"), Map.entry("enddate", "field_end"),
            Map.entry("created_date", "released"), Map.entry("release_date", "released"),
            Map.entry("samplesize", "sample_size"), Map.entry("n", "sample_size"),
            Map.entry("sponsor", "sponsors"), Map.entry("moe", "margin_of_error"),
            Map.entry("source", "url"), Map.entry("source_url", "url"));
    private static final Set<String> KNOWN = Set.of("pollster", "sponsors", "field_start", "field_end", "released",
            "sample_size", "population", "mode", "margin_of_error", "geography", "topic", "question", "url", "id",
            "poll_id", "question_id", "tracking", "pollster_grade", "grade");
    private static final int MAX_ROWS = 1_000_000;

    private final String defaultTopic;

    /** @param defaultTopic the topic of rows whose file has no {@code topic} column (or leaves it empty) */
    public PollCsv(String defaultTopic) {
        this.defaultTopic = defaultTopic == null ? "" : defaultTopic.strip();
    }

    /**
     * Reads a whole file.
     *
     * @param origin names the file in each poll's sources and evidence
     * @throws IOException when the text cannot be read at all, or has no header
     */
    public Result read(Reader csv, String origin) throws IOException {
        CsvMapper mapper = new CsvMapper();
        mapper.enable(CsvParser.Feature.WRAP_AS_ARRAY);
        List<Poll> polls = new ArrayList<>();
        List<RowProblem> problems = new ArrayList<>();
        try (MappingIterator<String[]> rows = mapper.readerFor(String[].class)
                .with(CsvSchema.emptySchema()).readValues(csv)) {
            if (!rows.hasNext()) {
                throw new IOException("the file is empty: expected a header row naming the columns");
            }
            String[] header = canonicalHeader(rows.next());
            if (!Arrays.asList(header).contains("pollster")) {
                throw new IOException("the header has no pollster column: " + String.join(",", header));
            }
            long count = 0;
            while (rows.hasNext() && count++ < MAX_ROWS) {
                long line = rows.getCurrentLocation().getLineNr();
                String[] cells;
                try {
                    cells = rows.next();
                } catch (RuntimeException e) {
                    problems.add(new RowProblem(line, "unreadable row: " + e.getMessage()));
                    continue;
                }
                line = Math.max(line, 2);
                if (cells.length == 1 && cells[0].isBlank()) {
                    continue;
                }
                try {
                    polls.add(toPoll(header, cells, origin, line));
                } catch (BadRow e) {
                    problems.add(new RowProblem(line, e.getMessage()));
                }
            }
        }
        return new Result(polls, problems);
    }

    private static String[] canonicalHeader(String[] raw) {
        String[] header = new String[raw.length];
        for (int i = 0; i < raw.length; i++) {
            String name = raw[i].strip().toLowerCase(Locale.ROOT).replaceAll("[\\s-]+", "_").replace("\uFEFF", "");
            header[i] = ALIASES.getOrDefault(name, name);
        }
        return header;
    }

    private Poll toPoll(String[] header, String[] cells, String origin, long line) {
        if (cells.length != header.length) {
            throw new BadRow("has " + cells.length + " cells, the header names " + header.length);
        }
        Map<String, String> row = new LinkedHashMap<>();
        Map<String, Double> answers = new LinkedHashMap<>();
        for (int i = 0; i < header.length; i++) {
            String value = cells[i].strip();
            if (KNOWN.contains(header[i])) {
                row.put(header[i], value);
            } else if (!value.isEmpty() && !header[i].isEmpty()) {
                answers.put(header[i], share(header[i], value));
            }
        }
        String pollster = row.getOrDefault("pollster", "");
        if (pollster.isEmpty()) {
            throw new BadRow("pollster is empty");
        }
        if (answers.isEmpty()) {
            throw new BadRow("no answer share is given");
        }
        LocalDate start = date(row, "field_start");
        LocalDate end = date(row, "field_end");
        if (start != null && end != null && start.isAfter(end)) {
            throw new BadRow("field_start " + start + " is after field_end " + end);
        }
        if (start == null && end == null) {
            throw new BadRow("no fieldwork date (field_start/field_end, or start_date/end_date)");
        }
        String rawPopulation = row.getOrDefault("population", "");
        Population population = rawPopulation.isEmpty() ? null : Population.parse(rawPopulation)
                .orElseThrow(() -> new BadRow("population '" + rawPopulation
                        + "' is none of adults, registered voters, likely voters, voters (or a, rv, lv, v)"));
        String url = row.getOrDefault("url", "");
        String source = url.isEmpty() ? origin : url;
        String id = row.getOrDefault("id", "");
        if (id.isEmpty() && !row.getOrDefault("poll_id", "").isEmpty()) {
            id = row.get("poll_id") + (row.getOrDefault("question_id", "").isEmpty() ? "" : ":" + row.get("question_id"));
        }
        String topic = row.getOrDefault("topic", "").isEmpty() ? defaultTopic : row.get("topic");
        String evidenceLine = origin + " line " + line;
        List<PollEvidence> evidence = List.of(new PollEvidence("row", "", evidenceLine, source, 1.0));
        return new Poll(pollster, sponsors(row.getOrDefault("sponsors", "")), start == null ? end : start,
                end == null ? start : end, date(row, "released"), sampleSize(row), population,
                blankToNull(row.get("mode")), marginOfError(row), blankToNull(row.get("geography")), topic,
                blankToNull(row.get("question")), answers, List.of(source), evidence, true,
                row.getOrDefault("tracking", "").matches("(?i)yes|true|1|t|y"), id);
    }

    private static List<String> sponsors(String cell) {
        return cell.isEmpty() ? List.of()
                : Arrays.stream(cell.split("[;/|]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static Double share(String column, String value) {
        double share;
        try {
            share = Double.parseDouble(value.replace("%", "").strip());
        } catch (NumberFormatException e) {
            throw new BadRow(column + " '" + value + "' is not a number");
        }
        if (!(share >= 0 && share <= 100)) {
            throw new BadRow(column + " " + value + " is not a percent within 0..100");
        }
        return share;
    }

    private static LocalDate date(Map<String, String> row, String column) {
        String value = row.getOrDefault(column, "");
        if (value.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(value.length() > 10 && value.charAt(10) == 'T' ? value.substring(0, 10) : value);
        } catch (DateTimeParseException e) {
            throw new BadRow(column + " '" + value + "' is not a date (expected YYYY-MM-DD)");
        }
    }

    private static Integer sampleSize(Map<String, String> row) {
        String value = row.getOrDefault("sample_size", "").replace(",", "");
        if (value.isEmpty()) {
            return null;
        }
        try {
            double n = Double.parseDouble(value);
            if (n < 1 || n != Math.rint(n) || n > 10_000_000) {
                throw new NumberFormatException();
            }
            return (int) n;
        } catch (NumberFormatException e) {
            throw new BadRow("sample_size '" + value + "' is not a positive whole number");
        }
    }

    private static Double marginOfError(Map<String, String> row) {
        String value = row.getOrDefault("margin_of_error", "").replace("%", "").replace("+/-", "").replace("±", "");
        if (value.isBlank()) {
            return null;
        }
        try {
            double moe = Double.parseDouble(value.strip());
            if (!(moe > 0 && moe < 50)) {
                throw new NumberFormatException();
            }
            return moe;
        } catch (NumberFormatException e) {
            throw new BadRow("margin_of_error '" + value + "' is not a number of points within 0..50");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** A row's reason for being left out. */
    private static final class BadRow extends RuntimeException {
        BadRow(String message) {
            super(message, null, false, false);
        }
    }
}
