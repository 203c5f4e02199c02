package barometer.api.snapshot;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How to cite a snapshot: a BibTeX {@code @misc} entry and a CSL-JSON item (type {@code dataset}), both naming
 * the permalink, the day it was frozen, the index version and the code version, so that a reader can tell exactly
 * which answer a paper quotes.
 */
public final class Citation {
    private final Snapshot snapshot;
    private final String permalink;

    /**
     * @param snapshot what is cited
     * @param permalink its address ({@code https://host/s/{id}})
     */
    public Citation(Snapshot snapshot, String permalink) {
        this.snapshot = snapshot;
        this.permalink = permalink;
    }

    /** The key both formats use: {@code barometer-<id>}. */
    public String key() {
        return "barometer-" + snapshot.id();
    }

    /** "Barometer snapshot of /api/trends, index version 41, Barometer 0.1.0 (commit 1a2b3c4)". */
    public String note() {
        return "Barometer snapshot of " + snapshot.kind().path() + " with " + describeParameters(snapshot.parameters())
                + "; index version " + snapshot.indexVersion() + " (" + snapshot.articles() + " articles); "
                + snapshot.codeVersion();
    }

    /** A BibTeX {@code @misc} entry. */
    public String bibtex() {
        LocalDate day = LocalDate.ofInstant(snapshot.created(), ZoneOffset.UTC);
        return "@misc{" + key() + ",\n"
                + "  title = {" + bib(snapshot.title()) + "},\n"
                + "  author = {{Barometer}},\n"
                + "  year = {" + day.getYear() + "},\n"
                + "  month = {" + MONTHS.get(day.getMonthValue() - 1) + "},\n"
                + "  howpublished = {\\url{" + permalink + "}},\n"
                + "  url = {" + permalink + "},\n"
                + "  urldate = {" + day + "},\n"
                + "  note = {" + bib(note()) + "}\n"
                + "}\n";
    }

    /** One CSL-JSON item (as a list of one, the form citation processors read). */
    public List<Map<String, Object>> csl() {
        LocalDate day = LocalDate.ofInstant(snapshot.created(), ZoneOffset.UTC);
        List<List<Integer>> parts = List.of(List.of(day.getYear(), day.getMonthValue(), day.getDayOfMonth()));
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", key());
        item.put("type", "dataset");
        item.put("title", snapshot.title());
        item.put("author", List.of(Map.of("literal", "Barometer")));
        item.put("issued", Map.of("date-parts", parts));
        item.put("accessed", Map.of("date-parts", parts));
        item.put("URL", permalink);
        item.put("version", "index " + snapshot.indexVersion() + "; " + snapshot.codeVersion());
        item.put("note", note());
        return List.of(item);
    }

    private static final List<String> MONTHS = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep",
            "oct", "nov", "dec");

    /** "q=secession, q=calexit, interval=year", in the order asked. */
    public static String describeParameters(Map<String, List<String>> parameters) {
        if (parameters.isEmpty()) {
            return "no parameters";
        }
        StringBuilder out = new StringBuilder();
        parameters.forEach((name, values) -> values.forEach(v -> out.append(out.isEmpty() ? "" : ", ").append(name)
                .append('=').append(v)));
        return out.toString();
    }

    /** Text inside BibTeX braces: its special characters escaped, so a query cannot break the entry. */
    static String bib(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\textbackslash{}");
                case '{', '}', '%', '&', '$', '#', '_' -> out.append('\\').append(c);
                case '^' -> out.append("\\^{}");
                case '~' -> out.append("\\~{}");
                case '\n', '\r' -> out.append(' ');
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
